import { loadConfig } from './infrastructure/config/Config';
import { buildContainer, Runtime } from './infrastructure/container/buildContainer';
import { createPino, PinoLogger } from './infrastructure/logging/PinoLogger';
import { runCli } from './interfaces/cli/program';

/** `npm run admin -- <command>`: builds the container only when a command needs it, closes it after. */
async function main(): Promise<number> {
  let runtime: Promise<Runtime> | null = null;
  const getRuntime = () =>
    (runtime ??= (async () => {
      const config = loadConfig();
      // Logs go to stderr (warnings only unless LOG_LEVEL says otherwise) so stdout stays the command's output.
      const logger = new PinoLogger(createPino(process.env.LOG_LEVEL ?? 'warn', process.stderr));
      return buildContainer(config, { logger });
    })());
  const code = await runCli(process.argv.slice(2), getRuntime);
  if (runtime) await (await (runtime as Promise<Runtime>).catch(() => null))?.close();
  return code;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
