import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import Koa from 'koa';
import type { RootOptions } from '../src/infrastructure/root/buildRoot';
import { startApi } from '../src/startApi';

/** How long each measurement runs; `BENCH_SECONDS=10 npm run bench` for steadier numbers. */
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

export const BENCH_ADMIN = { email: 'bench-admin@example.com', password: 'B3nch!password' };

export interface Server {
  url: string;
  stop(): Promise<void>;
}

/** The real app (real composition root) on the embedded defaults in a throwaway VAR_DIR, with a super admin. */
export async function startApp(env: Record<string, string> = {}, options: RootOptions = {}): Promise<Server> {
  const varDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tourdesk-bench-'));
  const running = await startApi(
    {
      NODE_ENV: 'production', LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1', VAR_DIR: varDir, WORKER_IN_PROCESS: '0',
      SUPER_ADMIN_EMAIL: BENCH_ADMIN.email, SUPER_ADMIN_PASSWORD: BENCH_ADMIN.password,
      // A benchmark is one client hammering from one address: keep the login limits out of the way.
      RATE_LIMIT_LOGIN_PER_MINUTE: '10000000', RATE_LIMIT_LOGIN_PER_EMAIL: '10000000',
      // Production refuses the sandbox gateway unless told; the benches never reach a real one.
      PAYMENT_GATEWAY: 'sandbox', ALLOW_SANDBOX_IN_PRODUCTION: 'true',
      ...secrets(),
      ...env,
    },
    { ...options, handleSignals: false },
  );
  return {
    url: running.url,
    async stop() {
      await running.stop();
      fs.rmSync(varDir, { recursive: true, force: true });
    },
  };
}

/** NODE_ENV=production (as deployed: no dev-only paths) needs every secret given. */
function secrets(): Record<string, string> {
  const names = ['JWT_ACCESS_SECRET', 'JWT_REFRESH_SECRET', 'OTP_HASH_KEY', 'STORAGE_SIGNING_KEY', 'SANDBOX_GATEWAY_SECRET'];
  return Object.fromEntries(names.map((name, i) => [name, `bench-secret-${i}-`.padEnd(48, 'x')]));
}

/** The floor: a bare Koa app answering `{ok:true}`, in the same process as the real one. */
export async function startBareKoa(): Promise<Server> {
  const app = new Koa();
  app.use((ctx) => {
    ctx.body = { ok: true };
  });
  const handle = app.callback();
  const server = http.createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
    stop: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

export async function login(url: string, email = BENCH_ADMIN.email, password = BENCH_ADMIN.password): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  const body = (await response.json()) as { data?: { accessToken?: string } };
  if (response.status !== 200 || !body.data?.accessToken) throw new Error(`bench login failed: ${response.status} ${JSON.stringify(body)}`);
  return body.data.accessToken;
}

export interface Measurement {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Non-2xx answers plus socket errors and timeouts: should be 0. */
  failures: number;
}

export interface Load {
  name: string;
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  connections?: number;
  seconds?: number;
}

/**
 * autocannon run in a worker thread of ours (so it does not share the server's event loop), keeping
 * every 2xx response's latency as measured (a float in ms): autocannon's own histogram rounds to
 * whole milliseconds, which reads a 0.4 ms p50 as 0 and makes p99/p50 meaningless.
 */
const LOAD_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const autocannon = require(workerData.autocannon);
const latencies = [];
let answered = 0;
const started = process.hrtime.bigint();
// Off the main thread autocannon skips its summary statistics: counted here from every response.
const instance = autocannon(workerData.options, (error, result) => {
  if (error) return parentPort.postMessage({ error: String(error) });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const failures = answered - latencies.length + result.errors + result.timeouts;
  parentPort.postMessage({ result: { average: answered / seconds, total: answered, failures }, latencies: Float64Array.from(latencies) });
});
instance.on('response', (client, status, bytes, ms) => {
  answered += 1;
  if (status < 300) latencies.push(ms);
});
`;
interface LoadReport {
  error?: string;
  result: { average: number; total: number; failures: number };
  latencies: Float64Array;
}

export async function measure(load: Load): Promise<Measurement> {
  const options = {
    url: load.url,
    method: load.method ?? 'GET',
    headers: load.headers,
    body: load.body,
    connections: load.connections ?? 10,
    duration: load.seconds ?? SECONDS,
  };
  const worker = new Worker(LOAD_WORKER, { eval: true, workerData: { autocannon: require.resolve('autocannon'), options } });
  const report = await new Promise<LoadReport>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  }).finally(() => worker.terminate());
  if (report.error) throw new Error(`load generator: ${report.error}`);
  const sorted = report.latencies.sort();
  return {
    name: load.name,
    rps: report.result.average,
    p50: sorted.length ? percentile(sorted, 50) : 0,
    p99: sorted.length ? percentile(sorted, 99) : 0,
    requests: report.result.total,
    failures: report.result.failures,
  };
}

/** Prints measurements with their ratio to `baseline` (req/s of the row ÷ req/s of the baseline). */
export function printTable(title: string, rows: Measurement[], baseline?: Measurement): void {
  const header = ['route', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'failures', ...(baseline ? [`vs ${baseline.name}`] : [])];
  const lines = rows.map((m) => [
    m.name, m.rps.toFixed(0), m.p50.toFixed(2), m.p99.toFixed(2), String(m.requests), String(m.failures),
    ...(baseline ? [`${((m.rps / baseline.rps) * 100).toFixed(1)}%`] : []),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\n${title}`);
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) console.log(format(line));
}

/** Sends a little traffic first so JIT warm-up and lazy initialisation are not measured. */
export async function warmUp(load: Load): Promise<void> {
  await measure({ ...load, seconds: 1 });
}

/** Runs `work` while sampling this process's event-loop delay: how long a ready callback waited to run. */
export async function withLoopDelay<T>(work: () => Promise<T>): Promise<{ result: T; loopP99Ms: number; loopMaxMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  try {
    const result = await work();
    return { result, loopP99Ms: histogram.percentile(99) / 1e6, loopMaxMs: histogram.max / 1e6 };
  } finally {
    histogram.disable();
  }
}

export function machine(seconds = SECONDS): string {
  return `${os.cpus()[0]?.model ?? 'cpu'} ×${os.availableParallelism()}, node ${process.version}, ${seconds}s per run`;
}

/** The p-th percentile of ascending `sorted` (nearest rank). */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
