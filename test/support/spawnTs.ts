import type { ChildProcess, SpawnOptions} from 'node:child_process';
import { spawn } from 'node:child_process';

/**
 * Runs a TypeScript entry point as ONE node process with tsx's loader. The `tsx` CLI instead
 * wraps the app in a second process that SIGKILLs it when it does not acknowledge a relayed
 * signal within 30 ms, which a busy event loop can miss: shutdown tests must signal the app itself.
 */
export function spawnTs(entry: string, options: SpawnOptions, args: string[] = []): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', entry, ...args], options);
}
