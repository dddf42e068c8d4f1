import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface StartedService {
  name: string;
  pid: number;
  dir: string;
}

export interface HarnessState {
  services: StartedService[];
}

export const STATE_KEY = '__tourdeskTestServices';
export const stateFile = (): string => join(tmpdir(), `tourdesk-test-services-${process.pid}.json`);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (alive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(25);
  }
  return true;
}

async function terminate(pid: number): Promise<void> {
  if (pid <= 0 || !alive(pid)) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  if (await waitForExit(pid, 10_000)) return;
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    return;
  }
  await waitForExit(pid, 5_000);
}

/**
 * A service that died while the suites ran (every suite on it then fails with ECONNREFUSED): says so,
 * with the end of its own logs, before its directory goes.
 */
function reportDeath(service: StartedService): void {
  const logs = existsSync(service.dir) ? readdirSync(service.dir).filter((name) => name.endsWith('.log')) : [];
  const tails = logs.map((name) => `--- ${name}\n${readFileSync(join(service.dir, name), 'utf8').trimEnd().split('\n').slice(-25).join('\n')}`);
  process.stderr.write(`[tourdesk tests] ${service.name} (pid ${service.pid}) was no longer running at the end of the run\n${tails.join('\n')}\n`);
}

export async function stopServices(state: HarnessState): Promise<void> {
  const services = state.services.splice(0);
  await Promise.all(
    services.map(async (service) => {
      if (service.pid > 0 && !alive(service.pid)) reportDeath(service);
      await terminate(service.pid);
      if (service.dir) rmSync(service.dir, { recursive: true, force: true });
    }),
  );
}

export function killServicesSync(state: HarnessState): void {
  for (const service of state.services.splice(0)) {
    try {
      if (service.pid > 0) process.kill(service.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    if (service.dir) rmSync(service.dir, { recursive: true, force: true });
  }
}

function readStateFile(): HarnessState | undefined {
  const file = stateFile();
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as HarnessState;
  } catch {
    return undefined;
  }
}

export default async function globalTeardown(): Promise<void> {
  const globals = globalThis as Record<string, unknown>;
  const state = (globals[STATE_KEY] as HarnessState | undefined) ?? readStateFile();
  if (state) await stopServices(state);
  delete globals[STATE_KEY];
  rmSync(stateFile(), { force: true });
}
