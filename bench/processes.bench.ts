import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import type { AppProcess } from '../test/support/appProcess';
import { spawnAppProcess } from '../test/support/appProcess';
import { freePort } from '../test/support/freePort';
import { PRODUCTION_ENV } from '../test/support/testApp';
import { mariaDbUrl, seedCatalogue, TOURS } from './catalogueWorld';
import type { Measurement } from './support';
import { BENCH_ADMIN, machine, measure, printTable, warmUp } from './support';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Issue 15: `GET /tour` req/s with `npm start` running 1 and then 2 API processes (API_PROCESSES) on
 * MariaDB + Redis, each a real process tree of `src/main.ts`. The load generator shares the machine's
 * cores with the API processes, as it does with the single process in the other benches.
 */
export async function run(): Promise<void> {
  console.log(`processes: ${machine()}`);
  const mariadb = await mariaDbUrl();
  if (!mariadb) {
    console.log('MariaDB unavailable (no mariadbd, no BENCH_DATABASE_URL): nothing to measure.');
    return;
  }
  const redis = await startRedis();
  const varDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tourdesk-bench-processes-'));
  try {
    const { NODE_ENV: _test, ...production } = PRODUCTION_ENV;
    const env = {
      ...production, NODE_ENV: 'production', LOG_LEVEL: 'warn', HOST: '127.0.0.1', VAR_DIR: varDir, WORKER_IN_PROCESS: '0',
      DATABASE_URL: mariadb.url, REDIS_URL: redis.url, SUPER_ADMIN_EMAIL: BENCH_ADMIN.email, SUPER_ADMIN_PASSWORD: BENCH_ADMIN.password,
      RATE_LIMIT_LOGIN_PER_MINUTE: '10000000', RATE_LIMIT_LOGIN_PER_EMAIL: '10000000',
    };
    let listQuery = '';
    let slug = '';
    const rows: Measurement[] = [];
    for (const processes of [1, 2]) {
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const api = await startProcesses({ ...env, PORT: String(port), API_PROCESSES: String(processes) }, processes);
      try {
        if (!listQuery) ({ listQuery, slug } = await seedCatalogue(url));
        for (const [route, routePath] of [['GET /tour (filter+sort, page of 10)', `/api/v1/tour?${listQuery}`], ['GET /tour/:slug', `/api/v1/tour/${slug}`]]) {
          const load = { name: `${route}, ${processes} process${processes > 1 ? 'es' : ''}`, url: `${url}${routePath}` };
          await warmUp(load);
          rows.push(await measure(load));
        }
      } finally {
        await api.kill('SIGTERM');
      }
    }
    printTable(`MariaDB + Redis: ${TOURS} tours, 10 connections, API_PROCESSES=1 then 2`, rows);
    const [list1, detail1, list2, detail2] = rows;
    console.log(`2 processes ÷ 1: GET /tour ${(list2.rps / list1.rps).toFixed(2)}×, GET /tour/:slug ${(detail2.rps / detail1.rps).toFixed(2)}×`);
  } finally {
    fs.rmSync(varDir, { recursive: true, force: true });
    await redis.stop();
    await mariadb.stop();
  }
}

/** `src/main.ts` started and serving: one process, or the cluster once all its children listen. */
async function startProcesses(env: Record<string, string>, processes: number): Promise<AppProcess> {
  const api = spawnAppProcess('src/main.ts', 'TourDesk API listening', { ...env, LOG_LEVEL: 'info' });
  await api.ready();
  const deadline = Date.now() + 60_000;
  while (api.output().split('TourDesk API listening').length - 1 < processes) {
    if (Date.now() > deadline) throw new Error(`API processes did not start:\n${api.output()}`);
    await sleep(50);
  }
  return api;
}

async function startRedis(): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined); // connect() rejects with it; the probe retries
    try {
      await client.connect();
      await client.ping();
      client.disconnect();
      break;
    } catch (error) {
      client.disconnect();
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`redis-server did not start: ${(error as Error).message}`);
      await sleep(100);
    }
  }
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}
