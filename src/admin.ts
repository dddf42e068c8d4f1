import { cliDependencies } from './handOver';
import { loadConfig } from './infrastructure/config/Config';
import { createPino, PinoLogger } from './infrastructure/logging/PinoLogger';
import { withDatabaseOutageClassified } from './infrastructure/persistence/databaseUnavailable';
import type { Root } from './infrastructure/root/buildRoot';
import { buildRoot } from './infrastructure/root/buildRoot';
import { runCli } from './interfaces/cli/program';

/** `npm run admin -- <command>`: builds the composition root only when a command needs it, closes it after. */
async function main(): Promise<number> {
  let root: Promise<Root> | null = null;
  const open = () =>
    (root ??= (async () => {
      const config = loadConfig();
      // Logs go to stderr (warnings only unless LOG_LEVEL says otherwise) so stdout stays the command's output.
      const logger = new PinoLogger(createPino(process.env.LOG_LEVEL ?? 'warn', process.stderr));
      return buildRoot(config, { ports: { logger } });
    })());
  const code = await runCli(process.argv.slice(2), { open: async () => cliDependencies(await open()), classifyFailure: withDatabaseOutageClassified });
  if (root) await (await (root as Promise<Root>).catch(() => null))?.close();
  return code;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
