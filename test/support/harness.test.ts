import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { createConnection } from 'mysql2/promise';
import { createMysqlDatabase, describeIf, realService, redisKeyPrefix } from './services';
import { freePort } from './freePort';
import { stopServices } from './globalTeardown';

test('freePort() returns a port that can be bound', async () => {
  const port = await freePort();
  expect(port).toBeGreaterThan(0);
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  await new Promise((resolve) => server.close(resolve));
});

test('redisKeyPrefix() gives distinct namespaces', () => {
  expect(redisKeyPrefix()).toMatch(/^test:[0-9a-f]+:$/);
  expect(redisKeyPrefix()).not.toBe(redisKeyPrefix());
});

describeIf(realService('mysql'), 'MariaDB harness', () => {
  test('createMysqlDatabase() creates a usable database and drops it', async () => {
    const db = await createMysqlDatabase();
    const name = new URL(db.url).pathname.slice(1);
    expect(name).toMatch(/^td_[0-9a-f]+$/);

    const conn = await createConnection(db.url);
    try {
      const [rows] = await conn.query('SELECT 1 AS one, DATABASE() AS db, @@character_set_database AS cs');
      expect(rows).toEqual([{ one: 1, db: name, cs: 'utf8mb4' }]);
    } finally {
      await conn.end();
    }

    await db.drop();
    const admin = await createConnection(realService('mysql')!);
    try {
      const [rows] = await admin.query('SHOW DATABASES LIKE ?', [name]);
      expect(rows).toEqual([]);
    } finally {
      await admin.end();
    }
  });
});

describeIf(realService('redis'), 'Redis harness', () => {
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(realService('redis')!, { keyPrefix: redisKeyPrefix(), lazyConnect: true });
  });
  afterAll(async () => {
    await redis.quit();
  });

  test('SET/GET with TTL under the prefix', async () => {
    await redis.set('greeting', 'hello', 'EX', 60);
    expect(await redis.get('greeting')).toBe('hello');
    const ttl = await redis.ttl('greeting');
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60);
    const prefix = redis.options.keyPrefix!;
    const raw = new Redis(realService('redis')!);
    try {
      expect(await raw.get(`${prefix}greeting`)).toBe('hello');
      expect(await raw.get('greeting')).toBeNull();
      await raw.del(`${prefix}greeting`);
    } finally {
      await raw.quit();
    }
  });
});

test('a service that died during the run is reported at teardown, with the end of its logs', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-dead-service-'));
  writeFileSync(join(dir, 'error-1.log'), 'starting\n[ERROR] InnoDB: assertion failure\n');
  const dead = spawnSync(process.execPath, ['-e', '0']).pid;
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    await stopServices({ services: [{ name: 'mariadb', pid: dead, dir }] });
    const said = stderr.mock.calls.map(([chunk]) => String(chunk)).join('');
    expect(said).toContain(`mariadb (pid ${dead}) was no longer running at the end of the run`);
    expect(said).toContain('--- error-1.log\nstarting\n[ERROR] InnoDB: assertion failure');
  } finally {
    stderr.mockRestore();
  }
  expect(existsSync(dir)).toBe(false);
});
