import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { RootOptions } from '../src/infrastructure/root/buildRoot';
import { startApi } from '../src/startApi';
import { freePort } from '../test/support/freePort';

/** How long each measurement runs; `BENCH_SECONDS=10 npm run bench` for steadier numbers. */
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

const ROOT = path.resolve(__dirname, '..');

export const BENCH_ADMIN = { email: 'bench-admin@example.com', password: 'B3nch!password' };

export interface Server {
  url: string;
  stop(): Promise<void>;
}

/** The real app (real composition root) on the embedded defaults in a throwaway VAR_DIR, with a super admin, in this process. */
export async function startApp(env: Record<string, string> = {}, options: RootOptions = {}): Promise<Server> {
  const varDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tourdesk-bench-'));
  const running = await startApi(benchEnv({ LOG_LEVEL: 'silent', PORT: '0', VAR_DIR: varDir, ...env }), { ...options, handleSignals: false });
  return {
    url: running.url,
    async stop() {
      await running.stop();
      fs.rmSync(varDir, { recursive: true, force: true });
    },
  };
}

/**
 * The app as `npm start` runs it: the compiled dist/ (built first when stale) in a process of its
 * own, logging each request at `info` (to a file in its VAR_DIR, standing in for a log collector).
 * With API_PROCESSES=N it is ready once all N API processes listen.
 */
export async function startAppProcess(env: Record<string, string> = {}): Promise<Server> {
  buildOnce();
  const varDir = env.VAR_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tourdesk-bench-'));
  const port = await freePort();
  const log = path.join(varDir, `app-${port}.log`);
  const out = fs.openSync(log, 'a');
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/src/main.js')], {
    cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...benchEnv({ LOG_LEVEL: 'info', PORT: String(port), VAR_DIR: varDir, ...env }) }, stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    if (!env.VAR_DIR) fs.rmSync(varDir, { recursive: true, force: true });
  };
  const processes = Number(env.API_PROCESSES ?? 1);
  // With several processes, /ready answers once the first listens: wait for each one's line (one process needs no line, so a silent log works).
  const listening = () => processes === 1 || fs.readFileSync(log, 'utf8').split('TourDesk API listening').length - 1 >= processes;
  const deadline = Date.now() + 60_000;
  while (!(listening() && (await fetch(`${url}/ready`).then((r) => r.ok, () => false)))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      const output = fs.readFileSync(log, 'utf8');
      await stop();
      throw new Error(`the app did not start:\n${output.slice(-4000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, stop };
}


let built = false;
/** `npm start`'s build step, once per bench run. */
function buildOnce(): void {
  if (!built) execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-if-stale.js')], { stdio: 'inherit' });
  built = true;
}

/** What every bench app runs with: production, a super admin, login limits out of the way. */
function benchEnv(env: Record<string, string>): Record<string, string> {
  return {
    NODE_ENV: 'production', HOST: '127.0.0.1', WORKER_IN_PROCESS: '0',
    SUPER_ADMIN_EMAIL: BENCH_ADMIN.email, SUPER_ADMIN_PASSWORD: BENCH_ADMIN.password,
    // A benchmark is one client hammering from one address: keep the login limits out of the way.
    RATE_LIMIT_LOGIN_PER_MINUTE: '10000000', RATE_LIMIT_LOGIN_PER_EMAIL: '10000000',
    // Production refuses the sandbox gateway unless told; the benches never reach a real one.
    PAYMENT_GATEWAY: 'sandbox', ALLOW_SANDBOX_IN_PRODUCTION: 'true',
    ...secrets(),
    ...env,
  };
}

/** NODE_ENV=production (as deployed: no dev-only paths) needs every secret given. */
function secrets(): Record<string, string> {
  const names = ['JWT_ACCESS_SECRET', 'JWT_REFRESH_SECRET', 'OTP_HASH_KEY', 'STORAGE_SIGNING_KEY', 'SANDBOX_GATEWAY_SECRET'];
  return Object.fromEntries(names.map((name, i) => [name, `bench-secret-${i}-`.padEnd(48, 'x')]));
}

/** A bare Koa app answering `answer` (an object Koa serialises, or a JSON text sent as is), in a process of its own. */
const KOA_SERVER = `
const http = require('node:http');
const Koa = require(process.argv[1]);
process.once('message', ({ object, text }) => {
  const app = new Koa();
  app.use((ctx) => {
    if (text === undefined) ctx.body = object;
    else {
      ctx.type = 'application/json';
      ctx.body = text;
    }
  });
  const handle = app.callback();
  const server = http.createServer((request, response) => void handle(request, response));
  server.listen(0, '127.0.0.1', () => process.send(server.address().port));
});
`;

async function startKoaProcess(answer: { object: unknown } | { text: string }): Promise<Server> {
  const child = spawn(process.execPath, ['-e', KOA_SERVER, require.resolve('koa')], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message) => resolve(message as number));
    child.once('exit', (code) => reject(new Error(`bare Koa exited with ${code} before listening`)));
    child.send(answer);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      child.kill();
      if (child.exitCode === null && child.signalCode === null) await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

/** The floor: bare Koa answering `{ok:true}`, serialised per request. */
export const startBareKoa = (): Promise<Server> => startKoaProcess({ object: { ok: true } });

/** Bare Koa answering `body` as JSON: what the same answer costs without the app. */
export const startStaticKoa = (body: string): Promise<Server> => startKoaProcess({ text: body });

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
  /** Requests sent in turn on each connection, each with its own headers (many callers); `headers` applies to all. */
  requests?: { headers: Record<string, string> }[];
}

/**
 * On Linux with two or more cores (and BENCH_PIN not `off`), the load generator runs on the last core and the servers under
 * test (this process and what it starts afterwards) on the others. Left to the scheduler, both
 * sometimes shared one core for seconds at a time, halving every figure of a run on two cores.
 */
const CORES = os.cpus().length;
let pinnedServers = false;
const LOAD_CORE = CORES - 1;
const PINNING = process.env.BENCH_PIN !== 'off' && process.platform === 'linux' && LOAD_CORE >= 1 && ['/usr/bin/taskset', '/bin/taskset'].some((p) => fs.existsSync(p));

/** Moves this process (the servers it hosts, and children started after) off the load generator's core. */
export function keepServersOffLoadCore(): void {
  pinnedServers = PINNING;
  if (PINNING) execFileSync('taskset', ['--all-tasks', '--pid', '--cpu-list', `0-${LOAD_CORE - 1}`, String(process.pid)], { stdio: 'ignore' });
}

/**
 * autocannon in a process of its own, keeping every 2xx response's latency as measured (a float in
 * ms): autocannon's own histogram rounds to whole milliseconds, which reads a 0.4 ms p50 as 0 and
 * makes p99/p50 meaningless. A process, not a worker thread: a worker would share a server's
 * process (its GC helpers and thread pool) and could not be given a core of its own.
 */
const LOAD_GENERATOR = `
const autocannon = require(process.argv[1]);
process.once('message', (options) => {
  const latencies = [];
  let answered = 0;
  const started = process.hrtime.bigint();
  const instance = autocannon(options, (error, result) => {
    if (error) return process.send({ error: String(error) }, () => process.exit(1));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const failures = answered - latencies.length + result.errors + result.timeouts;
    process.send({ result: { average: answered / seconds, total: answered, failures }, latencies: Float64Array.from(latencies) }, () => process.exit(0));
  });
  instance.on('response', (client, status, bytes, ms) => {
    answered += 1;
    if (status < 300) latencies.push(ms);
  });
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
    ...(load.requests ? { requests: load.requests } : {}),
  };
  const command = [process.execPath, '-e', LOAD_GENERATOR, require.resolve('autocannon')];
  const pinned = pinnedServers ? ['taskset', '--cpu-list', String(LOAD_CORE), ...command] : command;
  const generator = spawn(pinned[0], pinned.slice(1), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
  const report = await new Promise<LoadReport>((resolve, reject) => {
    generator.once('message', (message) => resolve(message as LoadReport));
    generator.once('error', reject);
    generator.once('exit', (code) => reject(new Error(`load generator exited with ${code} before reporting`)));
    generator.send(options);
  }).finally(() => generator.kill());
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

/** wrk (C, one thread) when it is installed: see `tail`. */
const WRK = ['/usr/bin/wrk', '/usr/local/bin/wrk'].find((p) => fs.existsSync(p)) ?? null;

export interface Tail {
  p50: number;
  p99: number;
}

/**
 * p50 and p99 (ms) of `load` as wrk measures them, or null without wrk. autocannon is JavaScript: its
 * own collections land in the latencies it records, and bare Koa `{ok:true}` measured by it shows a
 * p99 4.5x its p50, against about 3x by wrk on the same machine; so tails are judged by wrk.
 * The median of `rounds` runs, each after the first (the first seconds of a route carry its
 * optimisation and heap growth: 5-14x on the floor itself).
 */
export function tail(load: Load, { rounds = 3, seconds = 3 } = {}): Tail | null {
  if (!WRK || load.method === 'POST' || load.requests) return null;
  const run = (duration: number): Tail => {
    const args = ['-t1', `-c${load.connections ?? 10}`, `-d${duration}s`, '--latency', ...Object.entries(load.headers ?? {}).flatMap(([name, value]) => ['-H', `${name}: ${value}`]), load.url];
    const command = pinnedServers ? ['taskset', '--cpu-list', String(LOAD_CORE), WRK, ...args] : [WRK, ...args];
    const out = execFileSync(command[0], command.slice(1), { encoding: 'utf8' });
    const at = (q: string) => {
      const [, value, unit] = new RegExp(`^\\s+${q}%\\s+([\\d.]+)(us|ms|s)`, 'm').exec(out) ?? [];
      if (!value) throw new Error(`wrk printed no ${q}% latency:\n${out}`);
      return Number(value) * (unit === 'us' ? 1e-3 : unit === 's' ? 1e3 : 1);
    };
    return { p50: at('50'), p99: at('99') };
  };
  run(seconds);
  const runs = Array.from({ length: rounds }, () => run(seconds)).sort((a, b) => a.p99 / a.p50 - b.p99 / b.p50);
  return runs[Math.floor((runs.length - 1) / 2)];
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

/**
 * Sends traffic until throughput stops rising, so JIT warm-up and lazy initialisation are not
 * measured: a fresh Koa server takes several seconds of load to reach its steady speed.
 */
export async function warmUp(load: Load): Promise<void> {
  let previous = 0;
  for (let second = 0; second < 10; second++) {
    const { rps } = await measure({ ...load, seconds: 1 });
    if (rps < previous * 1.05) return;
    previous = rps;
  }
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
  const pinned = pinnedServers ? `, load generator pinned to core ${LOAD_CORE}, servers to 0–${LOAD_CORE - 1}` : '';
  return `${os.cpus()[0]?.model ?? 'cpu'} ×${CORES}, node ${process.version}, ${seconds}s per run${pinned}`;
}

/** The p-th percentile of ascending `sorted` (nearest rank). */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
