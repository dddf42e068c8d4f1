import path from 'node:path';
import { ensurePrivateDir, ensurePrivateFile } from '../system/privateFiles';
import { DataSource } from 'typeorm';
import { entities } from './entities';
import { migrations } from './migrations';

export interface DatabaseOptions {
  /** `mysql://user:pass@host:port/db`; null selects the embedded SQLite file. */
  url: string | null;
  sqliteFile: string;
  poolSize?: number;
  /** SQLite: how long a statement waits for another connection's lock before failing with SQLITE_BUSY. */
  busyTimeoutMs?: number;
  logging?: boolean;
}

export function createDataSource(options: DatabaseOptions): DataSource {
  if (options.url) {
    return new DataSource({
      type: 'mysql',
      url: options.url.replace(/^mariadb:/, 'mysql:'),
      entities,
      migrations,
      timezone: 'Z',
      charset: 'utf8mb4_unicode_ci',
      poolSize: options.poolSize ?? 10,
      extra: { connectionLimit: options.poolSize ?? 10, waitForConnections: true },
      logging: options.logging ?? false,
    });
  }
  if (options.sqliteFile !== ':memory:') {
    // SQLite gives its -wal and -shm files the database file's mode.
    ensurePrivateDir(path.dirname(options.sqliteFile));
    ensurePrivateFile(options.sqliteFile);
  }
  return new DataSource({
    type: 'better-sqlite3',
    database: options.sqliteFile,
    entities,
    migrations,
    enableWAL: true,
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      db.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
      db.pragma('foreign_keys = ON');
    },
    logging: options.logging ?? false,
  });
}
