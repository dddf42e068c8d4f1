import { CheckSession } from '../src/application/auth/CheckSession';
import type { AccessClaims } from '../src/application/ports/AccessTokens';
import type { SessionStandingCache } from '../src/application/ports/SessionStandingCache';
import type { RootOptions } from '../src/infrastructure/root/buildRoot';
import { MemoizedSessionStandingCache } from '../src/infrastructure/memory/MemoizedSessionStandingCache';
import { MemorySessionStandingCache } from '../src/infrastructure/memory/MemorySessionStandingCache';
import { IoredisSessionStandingCache } from '../src/infrastructure/redis/IoredisSessionStandingCache';
import { closeRedis, connectRedis } from '../src/infrastructure/redis/connectRedis';
import { SystemClock } from '../src/infrastructure/system/SystemClock';
import { ThrowawayRedis } from '../test/support/throwawayRedis';
import { redisForBench } from './otp.bench';
import type { Load, Measurement, Server } from './support';
import { login, machine, measure, printTable, startApp, warmUp } from './support';

/** The signature alone, as before sessions were checked per request: the baseline. */
const signatureOnly: RootOptions = {
  useCases: { checkSession: { execute: async (claims: AccessClaims) => ({ userId: claims.userId, role: claims.role, sessionId: claims.sessionId }) } as unknown as CheckSession },
};

async function meOf(name: string, app: Server): Promise<Measurement> {
  const token = await login(app.url);
  const load: Load = { name, url: `${app.url}/api/v1/user/me`, headers: { authorization: `Bearer ${token}` } };
  await warmUp(load);
  return measure(load);
}

const CALLS = 200_000;
const claims: AccessClaims = { userId: 'u-bench', email: 'bench@example.com', role: 'USER', sessionId: 'family-bench' };

/** CheckSession alone (no HTTP), its cache warm: the cost every authenticated request pays, in µs. */
async function microsecondsPerCheck(cache: SessionStandingCache, calls = CALLS): Promise<number> {
  const clock = new SystemClock();
  const unused = () => Promise.reject(new Error('a warm cache never reads the database'));
  const check = new CheckSession({ isLive: unused } as never, { findById: unused } as never, cache, clock);
  await cache.remember(claims.userId, claims.sessionId, { active: true, role: 'USER' }, 3_600_000);
  const started = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) await check.execute(claims);
  return Number(process.hrtime.bigint() - started) / 1e3 / calls;
}

/**
 * Issue 12: what the per-request session check (revoked, blocked, deleted, role changed) costs on
 * `GET /user/me`: without it, with the in-process cache, with Redis behind the 1 s in-process memo,
 * and with Redis gone (the database then answers, behind the same memo).
 */
export async function run(): Promise<void> {
  console.log(`Session check: ${machine()}`);
  const redis = await redisForBench();
  // A Redis that went away: checks read the database instead (CheckSession's fallback), each session once per memo second.
  const gone = await ThrowawayRedis.start();
  await gone.down();
  const rows: Measurement[] = [];
  const variants = [
      ['GET /user/me, signature only (no check)', {}, signatureOnly],
      ['GET /user/me, check via in-process cache', {}, {}],
      ['GET /user/me, check via Redis + 1 s memo', { REDIS_URL: redis.url }, {}],
      ['GET /user/me, Redis down: database behind the 1 s memo', { REDIS_URL: gone.url }, {}],
  ] as const;
  // Interleaved rounds: on a shared machine, load from elsewhere then spreads over every variant alike.
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  try {
    for (let round = 1; round <= rounds; round++) {
      for (const [name, env, overrides] of variants) {
        const app = await startApp(env, overrides);
        try {
          rows.push({ ...(await meOf(name, app)), name: `${name} #${round}` });
        } finally {
          await app.stop();
        }
      }
    }
  } finally {
    await redis.stop();
    await gone.stop();
  }
  printTable('Throughput of GET /user/me, 10 connections (SQLite), every round', rows, rows[0]);
  const median = (name: string) => {
    const values = rows.filter((r) => r.name.startsWith(name)).map((r) => r.rps).sort((a, b) => a - b);
    return values[Math.floor(values.length / 2)];
  };
  const base = median(variants[0][0]);
  for (const [name] of variants) console.log(`median ${name}: ${median(name).toFixed(0)} req/s (${((median(name) / base) * 100).toFixed(1)}% of no check)`);

  const silent = { info() {}, warn() {}, error() {} };
  const redisAgain = await redisForBench();
  const client = await connectRedis(redisAgain.url, silent);
  try {
    const memory = await microsecondsPerCheck(new MemorySessionStandingCache(new SystemClock()));
    const memo = await microsecondsPerCheck(new MemoizedSessionStandingCache(new IoredisSessionStandingCache(client, 'bench:'), new SystemClock()));
    const redisEvery = await microsecondsPerCheck(new IoredisSessionStandingCache(client, 'bench:'), 20_000);
    console.log(`\nCheckSession alone, warm cache: in-process ${memory.toFixed(2)} µs/request; Redis behind the memo ${memo.toFixed(2)} µs/request;` +
      ` Redis on every request (memo expired) ${redisEvery.toFixed(1)} µs/request.`);
  } finally {
    await closeRedis(client);
    await redisAgain.stop();
  }
}
