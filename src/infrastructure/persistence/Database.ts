import { AsyncLocalStorage } from 'node:async_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DependencyUnavailable } from '../../domain/shared/errors';
import type { RetryPolicy, TransactionContention} from './transactionRetry';
import { DEFAULT_RETRY_POLICY, isLockConflict, retryDelayMs } from './transactionRetry';

/**
 * The one DataSource plus the transaction the current async call chain is in.
 * Repositories ask `manager()` and so join whatever UnitOfWork is running.
 */
export class Database {
  private readonly current = new AsyncLocalStorage<EntityManager>();
  private queue: Promise<unknown> = Promise.resolve();
  readonly contention: TransactionContention = { retried: 0, exhausted: 0 };

  constructor(readonly dataSource: DataSource, private readonly retry: RetryPolicy = DEFAULT_RETRY_POLICY) {}

  get dialect(): 'mysql' | 'sqlite' {
    return this.dataSource.options.type === 'better-sqlite3' ? 'sqlite' : 'mysql';
  }

  manager(): EntityManager {
    return this.current.getStore() ?? this.dataSource.manager;
  }

  get inTransaction(): boolean {
    return this.current.getStore() !== undefined;
  }

  /**
   * Makes `query` a locking read (`FOR UPDATE`) when asked, inside a transaction, on MySQL: it
   * waits for the row and sees its latest commit whatever snapshot the transaction holds.
   * SQLite needs none: its transactions already run one at a time.
   */
  locking<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, options: { forUpdate?: boolean } = { forUpdate: true }): SelectQueryBuilder<T> {
    return options.forUpdate && this.inTransaction && this.dialect === 'mysql' ? query.setLock('pessimistic_write') : query;
  }

  /**
   * Runs `work` in one transaction; a nested call joins the running one. A transaction that loses
   * a lock race (deadlock, lock-wait timeout, busy SQLite) is rolled back and run again whole, so
   * `work` must read what it decides on inside itself and touch nothing outside the database.
   */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.inTransaction) return work();
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.runOnce(work);
      } catch (error) {
        if (!isLockConflict(error)) throw error;
        if (attempt >= this.retry.attempts) {
          this.contention.exhausted += 1;
          throw Object.assign(new DependencyUnavailable('database', 'The database is too busy to finish this change; try again'), { cause: error });
        }
        this.contention.retried += 1;
        await sleep(retryDelayMs(this.retry, attempt));
      }
    }
  }

  private runOnce<T>(work: () => Promise<T>): Promise<T> {
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
