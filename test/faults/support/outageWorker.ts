import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { spawnTs } from '../../support/spawnTs';

const ROOT = path.resolve(__dirname, '../../..');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface WorkerProcess {
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves once the worker logged that it runs. */
  ready(): Promise<void>;
  kill(signal: 'SIGTERM' | 'SIGKILL'): Promise<void>;
}

/** The real job worker (`src/worker.ts`) as a process of its own, configured by `env` alone. */
export function spawnWorker(env: Record<string, string>): WorkerProcess {
  let output = '';
  const child = spawnTs('src/worker.ts', {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'info', WORKER_CONCURRENCY: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    child,
    output: () => output,
    exited,
    async ready() {
      const deadline = Date.now() + 60_000;
      while (!output.includes('TourDesk worker running')) {
        if (!alive() || Date.now() > deadline) throw new Error(`worker did not start:\n${output}`);
        await sleep(50);
      }
    },
    async kill(signal) {
      if (!alive()) return;
      child.kill(signal);
      await exited;
    },
  };
}

/** Polls `probe` until it answers something (not null), failing after `timeoutMs` with `what`. */
export async function eventually<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs / 1000} s`);
    await sleep(50);
  }
}
