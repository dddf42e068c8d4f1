import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { spawnTs } from './spawnTs';

const ROOT = path.resolve(__dirname, '../..');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface AppProcess {
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves once the process wrote `readyText` to its output. */
  ready(): Promise<void>;
  kill(signal: 'SIGTERM' | 'SIGKILL'): Promise<void>;
}

/** A TypeScript entry point of the app (`src/main.ts`, `src/worker.ts`) as a process of its own, configured by `env` alone. */
export function spawnAppProcess(entry: string, readyText: string, env: Record<string, string>): AppProcess {
  let output = '';
  const child = spawnTs(entry, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'info', ...env },
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
      while (!output.includes(readyText)) {
        if (!alive() || Date.now() > deadline) throw new Error(`${entry} did not start:\n${output}`);
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

/** Whether a process with this id still exists (signal 0 only checks). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
