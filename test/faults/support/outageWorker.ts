import type { AppProcess } from '../../support/appProcess';
import { spawnAppProcess } from '../../support/appProcess';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type WorkerProcess = AppProcess;

/** The real job worker (`src/worker.ts`) as a process of its own, configured by `env` alone. */
export function spawnWorker(env: Record<string, string>): WorkerProcess {
  return spawnAppProcess('src/worker.ts', 'TourDesk worker running', { WORKER_CONCURRENCY: '1', ...env });
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
