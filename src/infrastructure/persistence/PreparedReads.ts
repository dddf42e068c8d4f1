import type { Database } from './Database';
import type { SqlValue } from './listSql';

interface SqliteStatement {
  all(...params: unknown[]): unknown[];
}
interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
}
/** mysql2's callback pool, as TypeORM holds it. */
interface MysqlPool {
  execute(sql: string, params: unknown[], done: (error: Error | null, rows: unknown) => void): void;
}

/** Distinct SQL texts kept prepared; list queries vary only by which filters are present. */
const MAX_CACHED = 500;

/** TypeORM writes dates to SQLite as UTC `YYYY-MM-DD HH:MM:SS.SSS`; comparisons must use the same text. */
const sqliteValue = (value: SqlValue): unknown =>
  value instanceof Date ? value.toISOString().replace('T', ' ').replace('Z', '') : typeof value === 'boolean' ? Number(value) : value;

/** `:name` placeholders (each may repeat) as `?`, with the names in the order their values go. */
function positional(sql: string): { text: string; names: string[] } {
  const names: string[] = [];
  const text = sql.replace(/:([A-Za-z_]\w*)/g, (_, name: string) => {
    names.push(name);
    return '?';
  });
  return { text, names };
}

/**
 * Read-only SQL straight on the driver, outside TypeORM's query runner: better-sqlite3 statements
 * prepared once per text, mysql2 `execute` (server-side prepared statements, cached per connection).
 * For hot read paths only; every write goes through the repositories and the unit of work.
 */
export class PreparedReads {
  private readonly statements = new Map<string, SqliteStatement>();
  private readonly prepared = new Map<string, { text: string; names: string[] }>();

  constructor(private readonly db: Database) {}

  async all<T>(sql: string, params: Record<string, SqlValue>): Promise<T[]> {
    const { text, values } = this.bind(sql, params);
    if (this.db.dialect === 'sqlite') {
      return this.statement(text).all(...values.map(sqliteValue)) as T[];
    }
    const pool = (this.db.dataSource.driver as unknown as { pool: MysqlPool }).pool;
    return new Promise<T[]>((resolve, reject) => pool.execute(text, values, (error, rows) => (error ? reject(error) : resolve(rows as T[]))));
  }

  private bind(sql: string, params: Record<string, SqlValue>): { text: string; values: SqlValue[] } {
    let shape = this.prepared.get(sql);
    if (!shape) {
      shape = positional(sql);
      if (this.prepared.size < MAX_CACHED) this.prepared.set(sql, shape);
    }
    const values = shape.names.map((name) => {
      if (!(name in params)) throw new Error(`SQL parameter :${name} has no value`);
      return params[name];
    });
    return { text: shape.text, values };
  }

  private statement(text: string): SqliteStatement {
    let statement = this.statements.get(text);
    if (!statement) {
      const connection = (this.db.dataSource.driver as unknown as { databaseConnection: SqliteConnection }).databaseConnection;
      statement = connection.prepare(text);
      if (this.statements.size < MAX_CACHED) this.statements.set(text, statement);
    }
    return statement;
  }
}
