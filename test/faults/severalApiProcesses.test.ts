import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';
import type { LoggedIn } from '../support/accounts';
import { login, SUPER_ADMIN, verifiedUser } from '../support/accounts';
import type { AppProcess } from '../support/appProcess';
import { pidAlive, spawnAppProcess } from '../support/appProcess';
import { freePort } from '../support/freePort';
import { createMysqlDatabase, describeIf, realService } from '../support/services';
import type { TestApp } from '../support/testApp';
import { httpClient, PRODUCTION_ENV } from '../support/testApp';
import { CRASH_LIMIT } from '../../src/startCluster';
import { ThrowawayRedis } from '../support/throwawayRedis';
import { eventually, spawnWorker } from './support/outageWorker';

const API = '/api/v1';
const PHONE = { phone: '01712345678', address: 'House 1, Road 2, Dhaka' };
const LOGIN_FAILURES_ALLOWED = 5;

type Client = Pick<TestApp, 'request'>;

/**
 * Two API processes on `env`, each on a port of its own, added to `processes`: the first migrates the
 * new database, the second starts on the migrated schema.
 */
async function startTwoApis(env: Record<string, string>, processes: AppProcess[]): Promise<[Client, Client]> {
  const clients: Client[] = [];
  for (let i = 0; i < 2; i++) {
    const port = await freePort();
    const api = spawnAppProcess('src/main.ts', 'TourDesk API listening', { ...env, PORT: String(port) });
    processes.push(api);
    await api.ready();
    clients.push({ request: httpClient(`http://127.0.0.1:${port}`) });
  }
  return [clients[0], clients[1]];
}

/**
 * Two API processes of their own (`src/main.ts`, separate ports so each request's process is known)
 * and one job worker on one MariaDB and one Redis, as `API_PROCESSES=2` runs them behind one port.
 */
describeIf(realService('mysql'), 'two API processes and a worker on MariaDB and Redis', () => {
  let database: Awaited<ReturnType<typeof createMysqlDatabase>>;
  let varDir: string;
  const processes: AppProcess[] = [];
  let one: Client;
  let two: Client;
  let admin: LoggedIn;

  beforeAll(async () => {
    database = await createMysqlDatabase();
    varDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tourdesk-processes-'));
    const env = {
      ...sharedEnv(database.url, varDir),
      SUPER_ADMIN_EMAIL: SUPER_ADMIN.email, SUPER_ADMIN_PASSWORD: SUPER_ADMIN.password,
    };
    [one, two] = await startTwoApis(env, processes);
    processes.push(spawnWorker(env));
    await processes[2].ready();
    admin = await login(one, SUPER_ADMIN.email, SUPER_ADMIN.password);
  }, 120_000);

  afterAll(async () => {
    for (const p of processes) await p.kill('SIGTERM');
    await database?.drop();
    if (varDir) fs.rmSync(varDir, { recursive: true, force: true });
  });

  async function createTour(client: Client, title: string, maxGuest: number): Promise<{ id: string; slug: string }> {
    const token = admin.accessToken;
    const division = await client.request('POST', `${API}/division/create`, { token, body: { name: `Division for ${title}` } });
    const type = await client.request('POST', `${API}/tour/create-tour-type`, { token, body: { name: `Type for ${title}` } });
    const tour = await client.request('POST', `${API}/tour/create`, {
      token, body: { title, costFrom: 900, maxGuest, division: division.body.data.id, tourType: type.body.data.id },
    });
    expect(tour.status).toBe(201);
    return tour.body.data;
  }

  test('a catalogue write through one process is served by the other within 1 s', async () => {
    const tour = await createTour(one, 'Srimangal Tea Trail', 8);
    const titleOnTwo = async () => (await two.request('GET', `${API}/tour/${tour.slug}`)).body.data?.title as string | undefined;
    expect(await titleOnTwo()).toBe('Srimangal Tea Trail');

    const renamed = await one.request('PATCH', `${API}/tour/${tour.id}`, { token: admin.accessToken, body: { title: 'Srimangal Tea Walk' } });
    expect(renamed.status).toBe(200);
    const writtenAt = Date.now();
    // Every read of the other process that still answered the old title was sent within 1 s of the write.
    const staleReadsSentAt: number[] = [];
    await eventually('the rename served by the other process', async () => {
      const sentAt = Date.now();
      if ((await titleOnTwo()) === 'Srimangal Tea Walk') return true;
      staleReadsSentAt.push(sentAt - writtenAt);
      return null;
    }, 10_000);
    expect(staleReadsSentAt.filter((ms) => ms > 1000)).toEqual([]);
  });

  test('login failures spread over both processes are limited together', async () => {
    const email = `spread-${Date.now()}@example.com`;
    const attempts: number[] = [];
    for (let i = 0; i < LOGIN_FAILURES_ALLOWED + 2; i++) {
      const client = i % 2 === 0 ? one : two;
      attempts.push((await client.request('POST', `${API}/auth/login`, { body: { email, password: 'Wr0ng!password' } })).status);
    }
    // Per process (memory) neither would have reached the limit: each saw at most four attempts.
    expect(attempts).toEqual([...Array(LOGIN_FAILURES_ALLOWED).fill(401), 429, 429]);
  });

  test('a race for the last seats across both processes never oversells (counted in the database)', async () => {
    const seats = 4;
    const tour = await createTour(two, 'Last Seats Cruise', seats);
    const traveller = await verifiedUser(one, admin, {}, PHONE);
    const book = (client: Client) =>
      client.request('POST', `${API}/booking`, { token: traveller.accessToken, body: { tour: tour.id, guestCount: 1 } });
    const results = await Promise.all(Array.from({ length: 16 }, (_, i) => book(i % 2 === 0 ? one : two)));

    expect(results.filter((r) => r.status === 201)).toHaveLength(seats);
    expect(results.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(Array(16 - seats).fill('BOOKING.NOT_ENOUGH_SEATS'));
    const connection = await createConnection(database.url);
    try {
      const [rows] = await connection.query('SELECT COUNT(*) AS bookings, SUM(guestCount) AS guests FROM bookings WHERE tourId = ?', [tour.id]);
      expect((rows as Array<{ bookings: number; guests: string }>).map((r) => [Number(r.bookings), Number(r.guests)])).toEqual([[seats, seats]]);
    } finally {
      await connection.end();
    }
  });
});

function sharedEnv(databaseUrl: string, varDir: string): Record<string, string> {
  const { NODE_ENV: _production, PAYMENT_GATEWAY: _gateway, ALLOW_SANDBOX_IN_PRODUCTION: _allowed, ...secrets } = PRODUCTION_ENV;
  return {
    ...secrets, // one set for every process: a token issued by one is accepted by the other
    HOST: '127.0.0.1', VAR_DIR: varDir, DATABASE_URL: databaseUrl, REDIS_URL: realService('redis')!, WORKER_IN_PROCESS: '0',
    // Only the per-address-and-email login limit is under test; other files share 127.0.0.1 and this Redis.
    RATE_LIMIT_LOGIN_PER_MINUTE: '100000', RATE_LIMIT_ACCOUNT_PER_HOUR: '100000', RATE_LIMIT_LOGIN_PER_EMAIL: String(LOGIN_FAILURES_ALLOWED),
  };
}

/** `npm start` with API_PROCESSES=2: the primary forks two API children on one port and keeps them. */
describeIf(realService('mysql'), 'the API cluster (API_PROCESSES=2) on MariaDB and Redis', () => {
  let database: Awaited<ReturnType<typeof createMysqlDatabase>>;
  let varDir: string;
  const primaries: AppProcess[] = [];

  beforeAll(async () => {
    database = await createMysqlDatabase();
    varDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tourdesk-cluster-'));
  });
  afterAll(async () => {
    for (const primary of primaries) await primary.kill('SIGKILL');
    await database?.drop();
    if (varDir) fs.rmSync(varDir, { recursive: true, force: true });
  });

  const childPids = (output: string): number[] =>
    output.split('\n').filter((line) => line.includes('"API process started"')).map((line) => (JSON.parse(line) as { pid: number }).pid);

  test('serves on one port, runs the worker once in the primary, replaces a dead child, and drains every child on SIGTERM', async () => {
    const port = await freePort();
    const started = spawnAppProcess('src/main.ts', 'TourDesk API cluster started', {
      ...sharedEnv(database.url, varDir), PORT: String(port), API_PROCESSES: '2', WORKER_IN_PROCESS: '1',
    });
    primaries.push(started);
    await started.ready();
    const [first, second] = await eventually('two API children listening', async () => {
      const pids = childPids(started.output());
      return pids.length === 2 && started.output().split('TourDesk API listening').length === 3 ? pids : null;
    });
    expect(started.output().split('TourDesk worker running').length - 1).toBe(1);
    const client = httpClient(`http://127.0.0.1:${port}`);
    expect((await client('GET', '/ready')).status).toBe(200);

    process.kill(first, 'SIGKILL');
    const replacement = await eventually('a replacement child', async () => childPids(started.output())[2] ?? null);
    await eventually('three children having listened', async () => (started.output().split('TourDesk API listening').length === 4 ? true : null));
    expect(started.output()).toContain('API process died: starting another');
    expect((await client('GET', '/ready')).status).toBe(200);

    started.child.kill('SIGTERM');
    expect(await started.exited).toEqual({ code: 0, signal: null });
    expect([second, replacement].filter(pidAlive)).toEqual([]);
    expect(started.output()).toContain('API cluster stopped');
  }, 90_000);

  test('a primary killed outright leaves no API child behind, and a new cluster starts on the same port', async () => {
    const port = await freePort();
    const env = { ...sharedEnv(database.url, varDir), PORT: String(port), API_PROCESSES: '2', WORKER_IN_PROCESS: '0' };
    const doomed = spawnAppProcess('src/main.ts', 'TourDesk API cluster started', env);
    primaries.push(doomed);
    await doomed.ready();
    const children = await eventually('two API children listening', async () => {
      const pids = childPids(doomed.output());
      return pids.length === 2 && doomed.output().split('TourDesk API listening').length === 3 ? pids : null;
    });

    await doomed.kill('SIGKILL');
    // Children lose their channel to the primary and exit on their own: none keeps serving unsupervised.
    await eventually('the orphaned children gone', async () => (children.filter(pidAlive).length === 0 ? true : null));

    const next = spawnAppProcess('src/main.ts', 'TourDesk API cluster started', env);
    primaries.push(next);
    await next.ready();
    const ready = () => httpClient(`http://127.0.0.1:${port}`)('GET', '/ready').then((r) => r.status, () => 0);
    await eventually('the new cluster answering on the same port', async () => ((await ready()) === 200 ? true : null));
  }, 90_000);

  test(`gives up when children keep dying: more than ${CRASH_LIMIT} deaths within a minute stop the cluster with exit code 1`, async () => {
    const started = spawnAppProcess('src/main.ts', 'TourDesk API cluster started', {
      ...sharedEnv(database.url, varDir), PORT: String(await freePort()), API_PROCESSES: '2', WORKER_IN_PROCESS: '0',
    });
    primaries.push(started);
    await started.ready();
    const killed = new Set<number>();
    while (killed.size <= CRASH_LIMIT) {
      const live = await eventually('a live child to kill', async () => {
        const pids = childPids(started.output()).filter((pid) => !killed.has(pid) && pidAlive(pid));
        return pids.length ? pids : null;
      });
      for (const pid of live.slice(0, CRASH_LIMIT + 1 - killed.size)) {
        process.kill(pid, 'SIGKILL');
        killed.add(pid);
      }
    }

    expect(await started.exited).toEqual({ code: 1, signal: null });
    expect(started.output()).toContain('API processes keep dying: stopping the cluster');
    expect(started.output().split('API process died: starting another').length - 1).toBe(CRASH_LIMIT);
    expect(childPids(started.output()).filter(pidAlive)).toEqual([]);
  }, 60_000);
});

/** Two API processes on MariaDB and a Redis of this file's own, which goes away under them and comes back. */
describeIf(realService('mysql') && ThrowawayRedis.available(), 'Redis lost and back under two API processes', () => {
  let database: Awaited<ReturnType<typeof createMysqlDatabase>>;
  let redis: ThrowawayRedis;
  let varDir: string;
  const processes: AppProcess[] = [];
  let one: Client;
  let two: Client;
  let admin: LoggedIn;

  beforeAll(async () => {
    database = await createMysqlDatabase();
    redis = await ThrowawayRedis.start();
    varDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tourdesk-redis-outage-'));
    const env = { ...sharedEnv(database.url, varDir), REDIS_URL: redis.url, SUPER_ADMIN_EMAIL: SUPER_ADMIN.email, SUPER_ADMIN_PASSWORD: SUPER_ADMIN.password };
    [one, two] = await startTwoApis(env, processes);
    admin = await login(one, SUPER_ADMIN.email, SUPER_ADMIN.password);
  }, 120_000);

  afterAll(async () => {
    for (const p of processes) await p.kill('SIGTERM');
    await redis?.stop();
    await database?.drop();
    if (varDir) fs.rmSync(varDir, { recursive: true, force: true });
  });

  test('while it is away, catalogue and signed-in reads answer from the database (behind the 1 s memo) and a block is refused at once by the process that made it, by the other within its memo second; once back, login limits are shared again', async () => {
    const traveller = await verifiedUser(one, admin, {}, PHONE);
    const blocked = await verifiedUser(one, admin, {}, PHONE);
    const me = (client: Client, who: LoggedIn) => client.request('GET', `${API}/user/me`, { token: who.accessToken });
    expect((await me(two, blocked)).status).toBe(200);

    await redis.down();
    // Past the 1 s in-process memo in front of Redis: every standing now comes from the database.
    await eventually('both processes reading standings without Redis', async () => {
      const statuses = await Promise.all([one, two].map(async (client) => (await me(client, traveller)).status));
      return statuses.every((status) => status === 200) ? statuses : null;
    });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    for (const client of [one, two]) {
      expect((await client.request('GET', `${API}/tour?limit=5`)).status).toBe(200);
      expect((await me(client, traveller)).body.data.email).toBe(traveller.email);
    }
    // The other process keeps this standing, read from the database, for its memo second.
    expect((await me(two, blocked)).status).toBe(200);
    const block = await one.request('PATCH', `${API}/user/${blocked.id}`, { token: admin.accessToken, body: { isActive: 'BLOCKED' } });
    expect(block.status).toBe(200);
    expect((await me(one, blocked)).status).toBe(401);
    await eventually('the other process refusing the blocked user once its memo lapses', async () => ((await me(two, blocked)).status === 401 ? true : null), 5_000);

    await redis.up();
    const email = `after-outage-${Date.now()}@example.com`;
    const attempts: number[] = [];
    await eventually('processes reconnected to Redis', async () => ((await one.request('GET', '/ready')).status === 200 && (await two.request('GET', '/ready')).status === 200 ? true : null));
    for (let i = 0; i < LOGIN_FAILURES_ALLOWED + 2; i++) {
      attempts.push((await (i % 2 === 0 ? one : two).request('POST', `${API}/auth/login`, { body: { email, password: 'Wr0ng!password' } })).status);
    }
    expect(attempts).toEqual([...Array(LOGIN_FAILURES_ALLOWED).fill(401), 429, 429]);
    expect((await me(two, traveller)).status).toBe(200);
  }, 90_000);
});
