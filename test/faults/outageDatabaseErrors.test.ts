import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { createConnection } from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { DependencyUnavailable } from '../../src/domain/shared/errors';
import { Database } from '../../src/infrastructure/persistence/Database';
import { createDataSource } from '../../src/infrastructure/persistence/createDataSource';
import { databaseUnavailable } from '../../src/infrastructure/persistence/databaseUnavailable';
import { createMysqlDatabase, describeIf, realService } from '../support/services';
import { freePort } from '../support/freePort';

/** What `work` threw (it must throw), so the test can look at the real driver error and its classification. */
async function thrownBy(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected the database call to fail');
}

const driverCode = (error: unknown) => {
  const e = error as { code?: string; driverError?: { code?: string } };
  return e.driverError?.code ?? e.code;
};

function expectUnavailable(error: unknown): void {
  const classified = databaseUnavailable(error);
  expect(classified).toBeInstanceOf(DependencyUnavailable);
  expect(classified).toMatchObject({ dependency: 'database', code: 'DEPENDENCY_UNAVAILABLE', cause: error });
}

describe('SQLite errors that mean the database is unavailable (real better-sqlite3 errors through TypeORM)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tourdesk-sqlite-outage-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function open(busyTimeoutMs: number): Promise<Database> {
    const dataSource = createDataSource({ url: null, sqliteFile: path.join(dir, 'app.sqlite'), busyTimeoutMs });
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    return new Database(dataSource);
  }

  test('busy: another connection holds the write lock past the busy timeout', async () => {
    const db = await open(50);
    const other = new BetterSqlite3(path.join(dir, 'app.sqlite'));
    try {
      other.exec('BEGIN IMMEDIATE');
      const error = await thrownBy(() => db.transaction(() => db.manager().query("UPDATE jobs SET status = 'done' WHERE 1 = 0")));
      // The unit of work ran it again a few times (ADR 0007), then gave up: the driver's error is the cause.
      expect(error).toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE', dependency: 'database' });
      const busy = (error as { cause?: unknown }).cause;
      expect(driverCode(busy)).toBe('SQLITE_BUSY');
      expectUnavailable(busy);
      // Reads go on (WAL), and once the lock is gone so do writes.
      await expect(db.manager().query('SELECT count(*) AS n FROM jobs')).resolves.toEqual([{ n: 0 }]);
      other.exec('ROLLBACK');
      await expect(db.transaction(() => db.manager().query("UPDATE jobs SET status = 'done' WHERE 1 = 0"))).resolves.toBeDefined();
    } finally {
      other.close();
      await db.close();
    }
  });

  test('cannot open: the database file cannot be opened (here: a directory stands where the file should be)', async () => {
    fs.mkdirSync(path.join(dir, 'app.sqlite'));
    const error = await thrownBy(() => open(50));
    expect(driverCode(error)).toBe('SQLITE_CANTOPEN');
    expectUnavailable(error);
  });

  test('locked: better-sqlite3\'s own SqliteError with SQLITE_LOCKED (no second connection can provoke it: the driver serialises statements)', () => {
    expectUnavailable(new BetterSqlite3.SqliteError('database table is locked', 'SQLITE_LOCKED'));
    expectUnavailable(new BetterSqlite3.SqliteError('database is locked', 'SQLITE_BUSY_SNAPSHOT'));
  });

  test('a statement\'s own fault is not an outage: a constraint violation stays what it is', async () => {
    const db = await open(50);
    try {
      const insert = () => db.transaction(() => db.manager().query("INSERT INTO migrations (id, timestamp, name) VALUES (1, 1, 'again')"));
      const error = await thrownBy(insert);
      expect(driverCode(error)).toMatch(/^SQLITE_CONSTRAINT/);
      expect(databaseUnavailable(error)).toBeNull();
    } finally {
      await db.close();
    }
  });
});

describe('MySQL/MariaDB errors seen during a server shutdown, in the shapes mysql2 and TypeORM give them', () => {
  const mysql2Error = (message: string, fields: Record<string, unknown>) => Object.assign(new Error(message), fields);
  test.each([
    ['server shutdown in progress', { code: 'ER_SERVER_SHUTDOWN', errno: 1053 }],
    ['connection killed (MariaDB)', { code: 'ER_CONNECTION_KILLED', errno: 1927 }],
    ['too many connections', { code: 'ER_CON_COUNT_ERROR', errno: 1040 }],
    ['connection lost', { code: 'PROTOCOL_CONNECTION_LOST', fatal: true }],
    ["mysql2's closed state (no code, fatal)", { fatal: true }],
  ])('%s is unavailable, bare or wrapped by TypeORM', (_name, fields) => {
    const raw = mysql2Error('boom', fields);
    expectUnavailable(raw);
    expectUnavailable(Object.assign(new Error('Query failed'), { driverError: raw }));
    expectUnavailable(Object.assign(new Error('outer'), { cause: raw }));
  });

  test('lock waits and deadlocks are left to the unit of work; an already classified error is passed through', () => {
    expect(databaseUnavailable(mysql2Error('Deadlock found', { code: 'ER_LOCK_DEADLOCK', errno: 1213 }))).toBeNull();
    expect(databaseUnavailable(new DependencyUnavailable('redis'))).toBeNull();
  });
});

describeIf(realService('mysql'), 'MariaDB errors that mean the database is unavailable (real mysql2 errors through TypeORM)', () => {
  let url: string;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ url, drop } = await createMysqlDatabase());
  });
  afterAll(() => drop());

  const mysqlSource = (target: string) => createDataSource({ url: target, sqliteFile: '', poolSize: 2 });

  test('refused: nothing listens where the database should be', async () => {
    const nowhere = new URL(url);
    nowhere.port = String(await freePort());
    const error = await thrownBy(() => mysqlSource(nowhere.toString()).initialize());
    expect(driverCode(error)).toBe('ECONNREFUSED');
    expectUnavailable(error);
  });

  test('server gone: a connection the server killed fails, and the pool hands out a fresh one afterwards', async () => {
    const dataSource: DataSource = await mysqlSource(url).initialize();
    const admin = await createConnection(realService('mysql')!);
    try {
      const runner = dataSource.createQueryRunner();
      await runner.connect();
      const [{ id }] = await runner.query('SELECT CONNECTION_ID() AS id');
      await admin.query(`KILL ${Number(id)}`);
      const error = await thrownBy(() => runner.query('SELECT 1'));
      expectUnavailable(error);
      await runner.release();
      await expect(dataSource.query('SELECT 1 AS ok')).resolves.toEqual([{ ok: 1 }]);
    } finally {
      await admin.end();
      await dataSource.destroy();
    }
  });

  test('pool closed: a query after the pool was shut down', async () => {
    const dataSource = await mysqlSource(url).initialize();
    const runner = dataSource.createQueryRunner();
    await dataSource.destroy();
    const error = await thrownBy(() => runner.query('SELECT 1'));
    expectUnavailable(error);
  });

  test('a statement\'s own fault is not an outage: a syntax error or a duplicate key stays what it is', async () => {
    const dataSource = await mysqlSource(url).initialize();
    try {
      expect(databaseUnavailable(await thrownBy(() => dataSource.query('SELEC 1')))).toBeNull();
      await dataSource.query('CREATE TABLE dupes (id INT PRIMARY KEY)');
      await dataSource.query('INSERT INTO dupes VALUES (1)');
      const duplicate = await thrownBy(() => dataSource.query('INSERT INTO dupes VALUES (1)'));
      expect(driverCode(duplicate)).toBe('ER_DUP_ENTRY');
      expect(databaseUnavailable(duplicate)).toBeNull();
    } finally {
      await dataSource.destroy();
    }
  });
});
