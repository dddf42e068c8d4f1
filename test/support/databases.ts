import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Database } from '../../src/infrastructure/persistence/Database';
import { createDataSource } from '../../src/infrastructure/persistence/createDataSource';
import { createMysqlDatabase, realService } from './services';

export type DatabaseKind = 'sqlite' | 'mariadb';

export interface TestDatabase {
  db: Database;
  kind: DatabaseKind;
  close(): Promise<void>;
}

/** Which real databases this run can reach: SQLite always, MariaDB when the harness started it. */
export function databaseKinds(): DatabaseKind[] {
  return realService('mysql') ? ['sqlite', 'mariadb'] : ['sqlite'];
}

/** A fresh, migrated database of `kind` that belongs to the calling test file alone. */
export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'mariadb') {
    const created = await createMysqlDatabase();
    const dataSource = createDataSource({ url: created.url, sqliteFile: '', poolSize: 20 });
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    const db = new Database(dataSource);
    return { db, kind, close: async () => { await db.close(); await created.drop(); } };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tourdesk-sqlite-'));
  const dataSource = createDataSource({ url: null, sqliteFile: path.join(dir, 'test.sqlite') });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  const db = new Database(dataSource);
  return { db, kind, close: async () => { await db.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
}

/**
 * Declares `suite` once per reachable database kind, inside a `describe(kind)` that opens a
 * fresh migrated database before its tests and closes it after. `database()` is valid inside tests.
 */
export function forEachDatabase(suite: (kind: DatabaseKind, database: () => Database) => void): void {
  for (const kind of databaseKinds()) {
    describe(kind, () => {
      let opened: TestDatabase | null = null;
      beforeAll(async () => {
        opened = await openTestDatabase(kind);
      });
      afterAll(() => opened?.close());
      suite(kind, () => {
        if (!opened) throw new Error(`${kind} test database is not open yet`);
        return opened.db;
      });
    });
  }
}
