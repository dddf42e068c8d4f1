import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager } from 'typeorm';

/**
 * The one DataSource plus the transaction the current async call chain is in.
 * Repositories ask `manager()` and so join whatever UnitOfWork is running.
 */
export class Database {
  private readonly current = new AsyncLocalStorage<EntityManager>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly dataSource: DataSource) {}

  get dialect(): 'mysql' | 'sqlite' {
    return this.dataSource.options.type === 'better-sqlite3' ? 'sqlite' : 'mysql';
  }

  manager(): EntityManager {
    return this.current.getStore() ?? this.dataSource.manager;
  }

  get inTransaction(): boolean {
    return this.current.getStore() !== undefined;
  }

  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.inTransaction) return work();
    if (this.dialect === 'mysql') {
      return this.dataSource.transaction((manager) => this.current.run(manager, work));
    }
    // SQLite has one writer and TypeORM shares one connection across "transactions",
    // so concurrent ones would nest as savepoints. Run them one after another instead.
    const run = this.queue.then(() => this.dataSource.transaction((manager) => this.current.run(manager, work)));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; errno?: number; driverError?: { code?: string; errno?: number } };
  const code = e?.driverError?.code ?? e?.code;
  const errno = e?.driverError?.errno ?? e?.errno;
  return code === 'ER_DUP_ENTRY' || errno === 1062 || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * A unique violation of `table.column`'s index: SQLite names the column (`UNIQUE constraint failed:
 * tours.slug`), MySQL/MariaDB the index, which migrations name `UQ_<table>_<column>`.
 */
export function isUniqueViolationOn(error: unknown, table: string, column: string): boolean {
  if (!isUniqueViolation(error)) return false;
  const e = error as { message?: string; driverError?: { message?: string; sqlMessage?: string } };
  const text = [e?.driverError?.sqlMessage, e?.driverError?.message, e?.message].filter(Boolean).join(' ');
  return new RegExp(`\\bUQ_${table}_${column}\\b|\\b${table}\\.${column}\\b`).test(text);
}

/** Rows changed by an UPDATE/DELETE, the same on mysql2 and better-sqlite3. */
export function affectedRows(result: { affected?: number | null }): number {
  return result.affected ?? 0;
}
