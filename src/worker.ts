import { loadConfig } from './infrastructure/config/Config';
import { buildContainer } from './infrastructure/container/buildContainer';
import { exitOnShutdownSignal } from './interfaces/shutdownSignals';
import { startWorker } from './interfaces/worker/startWorker';

/** `npm run worker`: only the job worker, for running workers apart from the API. */
async function main(): Promise<void> {
  const config = loadConfig();
  const runtime = await buildContainer(config);
  startWorker(runtime);
  runtime.logger.info({ concurrency: config.worker.concurrency }, 'TourDesk worker running');
  exitOnShutdownSignal(() => runtime.close(), runtime.logger, 2 * config.shutdownTimeoutMs + 5_000);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
