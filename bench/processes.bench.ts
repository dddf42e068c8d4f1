import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mariaDbUrl, seedCatalogue, TOURS } from './catalogueWorld';
import { redisForBench } from './otp.bench';
import type { Measurement } from './support';
import { machine, measure, printTable, startAppProcess, warmUp } from './support';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const RUN_SECONDS = Number(process.env.BENCH_SECONDS ?? 3);

/**
 * Issue 15: `GET /tour` req/s with `npm start` running 1 and then 2 API processes (API_PROCESSES) on
 * MariaDB + Redis, each a real process tree of the built app logging every request. The API processes
 * are not pinned: on two cores the second one shares the load generator's core.
 */
export async function run(): Promise<void> {
  console.log(`processes: ${machine(RUN_SECONDS)}, ${ROUNDS} rounds`);
  const mariadb = await mariaDbUrl();
  if (!mariadb) {
    console.log('MariaDB unavailable (no mariadbd, no BENCH_DATABASE_URL): nothing to measure.');
    return;
  }
  const redis = await redisForBench();
  const varDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tourdesk-bench-processes-'));
  try {
    const env = { DATABASE_URL: mariadb.url, REDIS_URL: redis.url, VAR_DIR: varDir };
    // Both deployments up at once on the same database, measured in alternation: the machine's speed
    // drifts during a run, and drift then falls on both alike.
    const one = await startAppProcess({ ...env, API_PROCESSES: '1' });
    const two = await startAppProcess({ ...env, API_PROCESSES: '2' }).catch(async (error: unknown) => {
      await one.stop();
      throw error;
    });
    try {
      const { listQuery, slug } = await seedCatalogue(one.url);
      const routes = [['GET /tour (filter+sort, page of 10)', `/api/v1/tour?${listQuery}`], ['GET /tour/:slug', `/api/v1/tour/${slug}`]];
      const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor((xs.length - 1) / 2)];
      for (const [route, routePath] of routes) {
        const loads = [one, two].map((api, i) => ({ name: `${route}, ${i + 1} process${i ? 'es' : ''}`, url: `${api.url}${routePath}`, seconds: RUN_SECONDS }));
        for (const load of loads) await warmUp(load);
        const rounds: Measurement[][] = [];
        for (let round = 0; round < ROUNDS; round++) rounds.push([await measure(loads[0]), await measure(loads[1])]);
        printTable(`MariaDB + Redis: ${TOURS} tours, 10 connections, API_PROCESSES=1 and 2 alternating, every round`, rounds.flat());
        console.log(`${route}: 2 processes ÷ 1 = ${median(rounds.map(([a, b]) => b.rps / a.rps)).toFixed(2)}× (median of ${ROUNDS} rounds)`);
      }
    } finally {
      await Promise.all([one.stop(), two.stop()]);
    }
  } finally {
    fs.rmSync(varDir, { recursive: true, force: true });
    await redis.stop();
    await mariadb.stop();
  }
}
