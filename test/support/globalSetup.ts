import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createConnection as connectTcp } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { createConnection } from 'mysql2/promise';
import { freePort } from './freePort';
import {
  killServicesSync,
  stopServices,
  stateFile,
  STATE_KEY,
  type HarnessState,
  type StartedService,
} from './globalTeardown';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const isCI = process.env.CI === 'true' || process.env.CI === '1';

function log(message: string): void {
  process.stderr.write(`[tourdesk tests] ${message}\n`);
}

function unavailable(what: string, reason: string, hint: string): void {
  if (isCI) throw new Error(`[tourdesk tests] ${what} required on CI: ${reason}`);
  const line = `[tourdesk tests] SKIPPED: ${what} — ${reason} (${hint})`;
  process.stderr.write(process.stderr.isTTY ? `\x1b[33;1m${line}\x1b[0m\n` : `${line}\n`);
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function findBinary(name: string): string | null {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  dirs.push('/usr/sbin', '/usr/bin', '/usr/local/sbin', '/usr/local/bin', '/sbin', '/bin');
  for (const dir of new Set(dirs)) {
    const candidate = join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

const seconds = (start: number, end = Date.now()) => `${((end - start) / 1000).toFixed(2)}s`;

class Harness {
  readonly state: HarnessState = { services: [] };

  track(service: StartedService): StartedService {
    this.state.services.push(service);
    this.save();
    return service;
  }

  save(): void {
    writeFileSync(stateFile(), JSON.stringify(this.state));
  }

  spawn(service: StartedService, command: string, args: string[]): ChildProcess & { exited: boolean } {
    const child = spawn(command, args, { stdio: 'ignore' }) as ChildProcess & { exited: boolean };
    child.exited = false;
    child.once('exit', () => (child.exited = true));
    child.once('error', () => (child.exited = true));
    child.unref();
    service.pid = child.pid ?? 0;
    this.save();
    return child;
  }

  async waitUntil(child: { exited: boolean }, ready: () => Promise<boolean>, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (child.exited) throw new Error('process exited during startup');
      if (await ready()) return;
      if (Date.now() > deadline) throw new Error(`not ready after ${timeoutMs / 1000}s`);
      await sleep(50);
    }
  }

  async stop(service: StartedService): Promise<void> {
    const index = this.state.services.indexOf(service);
    if (index >= 0) await stopServices({ services: this.state.services.splice(index, 1) });
    this.save();
  }
}

function mariadbCommonArgs(dir: string): string[] {
  const asRoot = process.getuid?.() === 0 ? ['--user=root'] : [];
  return [`--datadir=${dir}/data`, ...asRoot, '--innodb-log-file-size=16M'];
}

/** `mariadb-install-db` arguments for a throw-away datadir under `dir` (root without a password). */
export function mariadbInstallArgs(dir: string): string[] {
  return ['--no-defaults', ...mariadbCommonArgs(dir), '--auth-root-authentication-method=normal', '--skip-test-db', '--skip-name-resolve'];
}

/** `mariadbd` arguments for a test server on 127.0.0.1:`port` over the datadir under `dir`. */
export function mariadbdArgs(dir: string, port: number, errorLog: string): string[] {
  return [
    '--no-defaults',
    ...mariadbCommonArgs(dir),
    `--port=${port}`,
    `--socket=${join(dir, 'mysqld.sock')}`,
    `--pid-file=${join(dir, 'mariadbd.pid')}`,
    `--log-error=${errorLog}`,
    '--bind-address=127.0.0.1',
    '--skip-name-resolve',
    '--skip-log-bin',
    '--innodb-buffer-pool-size=128M',
    // A loaded CI machine can stall a handshake past the 10 s default; never drop test connections for that.
    '--connect-timeout=60',
    '--net-read-timeout=120',
    '--net-write-timeout=120',
    '--innodb-flush-log-at-trx-commit=2',
    '--innodb-doublewrite=0',
    '--innodb-use-native-aio=0',
    '--innodb-buffer-pool-load-at-startup=0',
    '--innodb-buffer-pool-dump-at-shutdown=0',
    '--max-connections=500',
    '--character-set-server=utf8mb4',
    '--collation-server=utf8mb4_unicode_ci',
    '--default-time-zone=+00:00',
  ];
}

async function startMariaDb(h: Harness): Promise<void> {
  if (process.env.TEST_MYSQL_URL) {
    log(`MariaDB/MySQL from TEST_MYSQL_URL (${new URL(process.env.TEST_MYSQL_URL).host})`);
    return;
  }
  const mariadbd = findBinary('mariadbd');
  const installDb = findBinary('mariadb-install-db');
  const missing = !mariadbd ? 'mariadbd' : !installDb ? 'mariadb-install-db' : null;
  if (!mariadbd || !installDb) {
    return unavailable('MariaDB suites', `${missing} not found on PATH`, 'install mariadb-server or set TEST_MYSQL_URL');
  }
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-mariadb-'));
  const service = h.track({ name: 'mariadb', pid: 0, dir });
  try {
    await run(installDb, mariadbInstallArgs(dir));
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    await h.stop(service);
    return unavailable('MariaDB suites', `mariadb-install-db failed: ${e.stderr || e.stdout || e.message}`.trim(), 'set TEST_MYSQL_URL');
  }
  const initialized = Date.now();
  let lastError = '';
  for (let attempt = 1; attempt <= 3; attempt++) {
    const port = await freePort();
    const errorLog = join(dir, `error-${attempt}.log`);
    const child = h.spawn(service, mariadbd, mariadbdArgs(dir, port, errorLog));
    let version = '';
    try {
      await h.waitUntil(
        child,
        async () => {
          try {
            const conn = await createConnection({ host: '127.0.0.1', port, user: 'root', connectTimeout: 2000 });
            const [rows] = await conn.query('SELECT VERSION() AS v');
            version = String((rows as Array<{ v: string }>)[0].v).split('-')[0];
            await conn.end();
            return true;
          } catch {
            return false;
          }
        },
        60_000,
      );
    } catch (err) {
      lastError = `${(err as Error).message}\n${tail(errorLog)}`;
      if (child.exited && /already in use|Bind on TCP/i.test(lastError)) continue;
      break;
    }
    process.env.TEST_MYSQL_URL = `mysql://root@127.0.0.1:${port}`;
    log(`MariaDB ${version} on 127.0.0.1:${port} (datadir ${seconds(started, initialized)}, ready in ${seconds(started)})`);
    return;
  }
  await h.stop(service);
  unavailable('MariaDB suites', `mariadbd failed to start: ${lastError}`, 'set TEST_MYSQL_URL');
}

/** Whether a Redis answers PING on 127.0.0.1:`port` within a second. */
export function redisPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connectTcp({ host: '127.0.0.1', port });
    let data = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      data += chunk.toString();
      if (data.includes('\r\n')) done(data.startsWith('+PONG'));
    });
  });
}

async function startRedis(h: Harness): Promise<void> {
  if (process.env.TEST_REDIS_URL) {
    log(`Redis from TEST_REDIS_URL (${new URL(process.env.TEST_REDIS_URL).host})`);
    return;
  }
  const redisServer = findBinary('redis-server');
  if (!redisServer) {
    return unavailable('Redis suites', 'redis-server not found on PATH', 'install redis-server or set TEST_REDIS_URL');
  }
  const started = Date.now();
  const { stdout } = await run(redisServer, ['--version']);
  const version = /v=(\S+)/.exec(stdout)?.[1] ?? '?';
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-redis-'));
  const service = h.track({ name: 'redis', pid: 0, dir });
  let lastError = '';
  for (let attempt = 1; attempt <= 3; attempt++) {
    const port = await freePort();
    const logFile = join(dir, `redis-${attempt}.log`);
    const child = h.spawn(service, redisServer, [
      '--port', String(port),
      '--bind', '127.0.0.1',
      '--save', '',
      '--appendonly', 'no',
      '--daemonize', 'no',
      '--dir', dir,
      '--logfile', logFile,
    ]);
    try {
      await h.waitUntil(child, () => redisPing(port), 20_000);
    } catch (err) {
      lastError = `${(err as Error).message}\n${tail(logFile)}`;
      if (child.exited && /already in use/i.test(lastError)) continue;
      break;
    }
    process.env.TEST_REDIS_URL = `redis://127.0.0.1:${port}`;
    log(`Redis ${version} on 127.0.0.1:${port} (ready in ${seconds(started)})`);
    return;
  }
  await h.stop(service);
  unavailable('Redis suites', `redis-server failed to start: ${lastError}`, 'set TEST_REDIS_URL');
}

function detectChrome(): void {
  if (process.env.TEST_CHROME_PATH) return log(`Chromium from TEST_CHROME_PATH (${process.env.TEST_CHROME_PATH})`);
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
  ].filter((p): p is string => Boolean(p));
  const found = candidates.find(isExecutable);
  if (!found) return unavailable('Chromium PDF suites', 'no Chromium found (CHROME_PATH, /usr/bin/chromium, ...)', 'install chromium or set CHROME_PATH');
  process.env.TEST_CHROME_PATH = found;
  log(`Chromium at ${found}`);
}

function detectPdftotext(): void {
  if (process.env.TEST_PDFTOTEXT) return log(`pdftotext from TEST_PDFTOTEXT (${process.env.TEST_PDFTOTEXT})`);
  const found = findBinary('pdftotext');
  if (!found) return unavailable('PDF text checks', 'pdftotext not found on PATH', 'install poppler-utils');
  process.env.TEST_PDFTOTEXT = found;
  log(`pdftotext at ${found}`);
}

export default async function globalSetup(): Promise<void> {
  process.stderr.write('\n');
  const h = new Harness();
  (globalThis as Record<string, unknown>)[STATE_KEY] = h.state;
  process.once('exit', () => killServicesSync(h.state));
  const results = await Promise.allSettled([
    startMariaDb(h),
    startRedis(h),
    Promise.resolve().then(detectChrome),
    Promise.resolve().then(detectPdftotext),
  ]);
  const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failures.length > 0) {
    await stopServices(h.state);
    throw new Error(failures.map((f) => (f.reason instanceof Error ? f.reason.message : String(f.reason))).join('\n'));
  }
}
