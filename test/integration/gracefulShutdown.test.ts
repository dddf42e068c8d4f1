import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../support/freePort';
import { spawnTs } from '../support/spawnTs';

const ROOT = path.resolve(__dirname, '../..');
const SHUTDOWN_TIMEOUT_MS = 8000;

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function start(entry: string, env: Record<string, string>): Started {
  let output = '';
  const child = spawnTs(entry, { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, output: () => output, exited };
}

async function waitUntilServing(port: number, started: Started, deadlineMs = 30_000): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    if (started.child.exitCode !== null) throw new Error(`server exited early:\n${started.output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not start:\n${started.output()}`);
}

/** A POST whose body is sent in two halves, so the test decides when the request can complete. */
function twoPartPost(port: number, route: string, body: string) {
  const half = Math.floor(body.length / 2);
  const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: route, agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } });
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
  });
  req.write(body.slice(0, half));
  return { finish: () => req.end(body.slice(half)), response };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('graceful shutdown of the API process (tsx src/main.ts)', () => {
  let varDir: string;
  let started: Started | null = null;

  beforeEach(() => {
    varDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tourdesk-shutdown-'));
  });

  afterEach(async () => {
    if (started && started.child.exitCode === null && started.child.signalCode === null) {
      started.child.kill('SIGKILL');
      await started.exited;
    }
    started = null;
    fs.rmSync(varDir, { recursive: true, force: true });
  });

  it('on SIGTERM stops accepting, finishes in-flight requests with 200/201 and exits 0', async () => {
    const port = await freePort();
    started = start('src/main.ts', {
      NODE_ENV: 'development', LOG_LEVEL: 'info', PORT: String(port), HOST: '127.0.0.1', VAR_DIR: varDir,
      SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS), WORKER_IN_PROCESS: '1',
    });
    await waitUntilServing(port, started);

    const inFlight = [0, 1, 2].map((i) =>
      twoPartPost(port, '/api/v1/user/register', JSON.stringify({ name: `Draining ${i}`, email: `drain${i}@example.com`, password: 'Secr3t#Tour1' })),
    );
    await sleep(300); // the server has read their headers and waits for the bodies
    const signalledAt = Date.now();
    started.child.kill('SIGTERM');
    await sleep(300);

    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();

    for (const request of inFlight) request.finish();
    const responses = await Promise.all(inFlight.map((r) => r.response));
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(JSON.parse(responses[0].body).data.email).toBe('drain0@example.com');

    const { code, signal } = await started.exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalledAt).toBeLessThan(SHUTDOWN_TIMEOUT_MS);
    expect(started.output()).toContain('shut down');
  }, 60_000);

  it('closes connections of requests that outlive SHUTDOWN_TIMEOUT_MS and still exits 0', async () => {
    const port = await freePort();
    started = start('src/main.ts', {
      NODE_ENV: 'development', LOG_LEVEL: 'info', PORT: String(port), HOST: '127.0.0.1', VAR_DIR: varDir, SHUTDOWN_TIMEOUT_MS: '500', WORKER_IN_PROCESS: '0',
    });
    await waitUntilServing(port, started);

    const stuck = twoPartPost(port, '/api/v1/user/register', JSON.stringify({ name: 'Never Finished', email: 'stuck@example.com', password: 'Secr3t#Tour1' }));
    const outcome = stuck.response.then(() => 'answered', () => 'connection closed');
    await sleep(300);
    const signalledAt = Date.now();
    started.child.kill('SIGTERM');

    expect(await outcome).toBe('connection closed');
    const { code } = await started.exited;
    expect(code).toBe(0);
    expect(Date.now() - signalledAt).toBeLessThan(5000);
  }, 60_000);

  it('the worker-only process (tsx src/worker.ts) stops its worker on SIGTERM and exits 0', async () => {
    started = start('src/worker.ts', { NODE_ENV: 'development', LOG_LEVEL: 'info', VAR_DIR: varDir, SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS) });
    const until = Date.now() + 30_000;
    while (!started.output().includes('TourDesk worker running') && Date.now() < until && started.child.exitCode === null) await sleep(100);
    expect(started.output()).toContain('TourDesk worker running');

    const signalledAt = Date.now();
    started.child.kill('SIGTERM');

    const { code, signal } = await started.exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalledAt).toBeLessThan(SHUTDOWN_TIMEOUT_MS);
    expect(started.output()).toContain('signal received: shutting down');
  }, 60_000);
});
