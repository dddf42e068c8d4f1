import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { Database } from '../../../src/infrastructure/persistence/Database';
import { createDataSource } from '../../../src/infrastructure/persistence/createDataSource';

/** Two processes on one SQLite file (the API and `npm run admin`, say), played by two connections. */
describe('SQLite: a transaction that loses to another process is run again', () => {
  let dir: string;
  let ours: Database;
  let theirs: DataSource;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tourdesk-busy-'));
    const file = path.join(dir, 'shared.sqlite');
    ours = new Database(await createDataSource({ url: null, sqliteFile: file }).initialize());
    theirs = await createDataSource({ url: null, sqliteFile: file }).initialize();
    await ours.dataSource.query('CREATE TABLE seats (id INTEGER PRIMARY KEY, held INTEGER NOT NULL)');
    await ours.dataSource.query('INSERT INTO seats (id, held) VALUES (1, 0)');
  });
  afterAll(async () => {
    await ours.close();
    await theirs.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('read, the other process commits a write, then our write is refused (SQLITE_BUSY_SNAPSHOT): retried whole, no lost update', async () => {
    let runs = 0;
    await ours.transaction(async () => {
      runs += 1;
      const [{ held }] = await ours.manager().query('SELECT held FROM seats WHERE id = 1');
      if (runs === 1) await theirs.query('UPDATE seats SET held = held + 100 WHERE id = 1');
      await ours.manager().query('UPDATE seats SET held = ? WHERE id = 1', [Number(held) + 1]);
    });
    expect(runs).toBe(2);
    expect(ours.contention.retried).toBe(1);
    expect((await ours.dataSource.query('SELECT held FROM seats WHERE id = 1'))[0].held).toBe(101);
  });
});
