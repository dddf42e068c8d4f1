import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Ports } from '../../src/application/ports/Ports';
import { cliDependencies } from '../../src/handOver';
import { loadConfig } from '../../src/infrastructure/config/Config';
import { withDatabaseOutageClassified } from '../../src/infrastructure/persistence/databaseUnavailable';
import type { Root } from '../../src/infrastructure/root/buildRoot';
import { buildRoot } from '../../src/infrastructure/root/buildRoot';
import { runCli } from '../../src/interfaces/cli/program';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The admin CLI in-process against a real composition root on SQLite in a temp VAR_DIR; output captured. */
export function cliHarness(env: Record<string, string> = {}, options: { ports?: Partial<Ports> } = {}) {
  const varDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tourdesk-cli-'));
  let root: Promise<Root> | null = null;
  const getRoot = () =>
    (root ??= buildRoot(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', VAR_DIR: varDir, WORKER_IN_PROCESS: '0', ...env }), { ports: options.ports }));
  return {
    varDir,
    getRoot,
    opened: () => root !== null,
    async run(...args: string[]): Promise<CliRun> {
      return this.typing(null, ...args);
    },
    /** Runs a command with `secret` as what the operator types at its prompt (null: nothing to read). */
    async typing(secret: string | null, ...args: string[]): Promise<CliRun> {
      let stdout = '';
      let stderr = '';
      const readSecret = () => (secret === null ? Promise.reject(new Error('the command asked for a secret and none was typed')) : Promise.resolve(secret));
      const cli = { open: async () => cliDependencies(await getRoot()), classifyFailure: withDatabaseOutageClassified };
      const code = await runCli(args, cli, { out: (s) => (stdout += s), err: (s) => (stderr += s), readSecret });
      return { code, stdout, stderr };
    },
    async close(): Promise<void> {
      // A root that never opened (its database was down) has nothing to close, as in src/admin.ts.
      if (root) await (await root.catch(() => null))?.close();
      fs.rmSync(varDir, { recursive: true, force: true });
    },
  };
}
