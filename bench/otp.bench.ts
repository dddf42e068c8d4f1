import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Table from 'cli-table3';
import type { OtpStore } from '../src/application/ports/OtpStore';
import { MemoryOtpStore } from '../src/infrastructure/memory/MemoryOtpStore';
import { IoredisOtpStore } from '../src/infrastructure/redis/IoredisOtpStore';
import { closeRedis, connectRedis } from '../src/infrastructure/redis/connectRedis';
import { OtpCodeHasher } from '../src/infrastructure/security/OtpCodeHasher';
import { SystemClock } from '../src/infrastructure/system/SystemClock';
import { startApi } from '../src/startApi';
import { ThrowawayRedis } from '../test/support/throwawayRedis';

const HTTP_SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 50;
const STORE_OPS = 20_000;
const silent = { info() {}, warn() {}, error() {} };

/** REDIS_URL when given, else a throwaway redis-server on a free port (stopped at the end). */
export async function redisForBench(): Promise<{ url: string; stop(): Promise<void> }> {
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL, stop: async () => undefined };
  if (!ThrowawayRedis.available()) throw new Error('redis-server not found: install redis-server or set REDIS_URL');
  const redis = await ThrowawayRedis.start();
  return { url: redis.url, stop: () => redis.stop() };
}

/** save + verify of a fresh code, CONNECTIONS at a time: the store's own throughput. */
async function storeOpsPerSecond(store: OtpStore): Promise<number> {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < STORE_OPS) {
        const email = `bench${next++}@example.com`;
        await store.save(email, '123456', 60_000);
        if ((await store.verify(email, '123456', 5)) !== 'verified') throw new Error('bench: code did not verify');
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return (STORE_OPS * 2) / seconds;
}

/** POST /otp/verify through the whole app (routing, joi, per-IP limit, store), wrong codes over many emails. */
async function httpVerify(env: Record<string, string>): Promise<autocannon.Result> {
  const varDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tourdesk-bench-'));
  const server = await startApi(
    { NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1', VAR_DIR: varDir, WORKER_IN_PROCESS: '0', RATE_LIMIT_OTP_PER_MINUTE: '1000000000', ...env },
    { handleSignals: false },
  );
  try {
    let n = 0;
    return await autocannon({
      url: `${server.url}/api/v1/otp/verify`,
      connections: CONNECTIONS,
      duration: HTTP_SECONDS,
      requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: JSON.stringify({ email: `guest${n++ % 5000}@example.com`, otp: '123456' }) }) }],
    });
  } finally {
    await server.stop();
    fs.rmSync(varDir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  const redis = await redisForBench();
  const hasher = new OtpCodeHasher('bench-otp-key-0123456789abcdef0123456789abcdef');
  const client = await connectRedis(redis.url, silent);
  try {
    const prefix = `tourdesk:bench:${Date.now()}:`;
    const memoryStore = await storeOpsPerSecond(new MemoryOtpStore(new SystemClock(), hasher));
    const redisStore = await storeOpsPerSecond(new IoredisOtpStore(client, hasher, prefix));
    const stale = await client.keys(`${prefix}*`);
    if (stale.length) await client.del(...stale);

    const memoryHttp = await httpVerify({});
    const redisHttp = await httpVerify({ REDIS_URL: redis.url });

    const table = new Table({ head: ['/otp/verify', 'in-process (baseline)', 'Redis', 'Redis / baseline'], style: { head: [], border: [] } });
    const ratio = (a: number, b: number) => `${(b / a).toFixed(2)}x`;
    table.push(
      [`OtpStore save+verify ops/s (${CONNECTIONS} concurrent)`, memoryStore.toFixed(0), redisStore.toFixed(0), ratio(memoryStore, redisStore)],
      [`HTTP req/s (${CONNECTIONS} conns, ${HTTP_SECONDS}s)`, memoryHttp.requests.average.toFixed(0), redisHttp.requests.average.toFixed(0), ratio(memoryHttp.requests.average, redisHttp.requests.average)],
      ['HTTP latency p50 ms', String(memoryHttp.latency.p50), String(redisHttp.latency.p50), ratio(memoryHttp.latency.p50, redisHttp.latency.p50)],
      ['HTTP latency p99 ms', String(memoryHttp.latency.p99), String(redisHttp.latency.p99), ratio(memoryHttp.latency.p99, redisHttp.latency.p99)],
      ['HTTP errors / timeouts', `${memoryHttp.errors} / ${memoryHttp.timeouts}`, `${redisHttp.errors} / ${redisHttp.timeouts}`, ''],
    );
    console.log(`\nOTP verification (Redis at ${redis.url}${process.env.REDIS_URL ? '' : ', started by the bench'})`);
    console.log(table.toString());
    const unexpected = [memoryHttp, redisHttp].map((r) => r.non2xx - (r['4xx'] ?? 0)).filter((x) => x > 0);
    if (unexpected.length) console.log('warning: some answers were neither 2xx nor 4xx (5xx?)');
  } finally {
    await closeRedis(client);
    await redis.stop();
  }
}

if (require.main === module) {
  run().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
