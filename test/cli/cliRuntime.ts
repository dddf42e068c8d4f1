import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ContainerModule } from 'inversify';
import { loadConfig } from '../../src/infrastructure/config/Config';
import { buildContainer, Runtime } from '../../src/infrastructure/container/buildContainer';
import { runCli } from '../../src/interfaces/cli/program';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The admin CLI in-process against a real runtime on SQLite in a temp VAR_DIR; output captured. */
export function cliHarness(env: Record<string, string> = {}, options: { overrides?: ContainerModule[] } = {}) {
  const varDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tourdesk-cli-'));
  let runtime: Promise<Runtime> | null = null;
  const getRuntime = () =>
    (runtime ??= buildContainer(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', VAR_DIR: varDir, WORKER_IN_PROCESS: '0', ...env }), { overrides: options.overrides }));
  return {
    varDir,
    getRuntime,
    opened: () => runtime !== null,
    async run(...args: string[]): Promise<CliRun> {
      return this.typing(null, ...args);
    },
    /** Runs a command with `secret` as what the operator types at its prompt (null: nothing to read). */
    async typing(secret: string | null, ...args: string[]): Promise<CliRun> {
      let stdout = '';
      let stderr = '';
      const readSecret = async () => {
        if (secret === null) throw new Error('the command asked for a secret and none was typed');
        return secret;
      };
      const code = await runCli(args, getRuntime, { out: (s) => (stdout += s), err: (s) => (stderr += s), readSecret });
      return { code, stdout, stderr };
    },
    async close(): Promise<void> {
      // A runtime that never opened (its database was down) has nothing to close, as in src/admin.ts.
      if (runtime) await (await runtime.catch(() => null))?.close();
      fs.rmSync(varDir, { recursive: true, force: true });
    },
  };
}
