import { workerDependencies } from './handOver';
import { loadConfig } from './infrastructure/config/Config';
import { buildRoot } from './infrastructure/root/buildRoot';
import { exitOnShutdownSignal } from './interfaces/shutdownSignals';
import { startWorker } from './interfaces/worker/startWorker';

/** `npm run worker`: only the job worker, for running workers apart from the API. */
async function main(): Promise<void> {
  const config = loadConfig();
  const root = await buildRoot(config);
  startWorker(workerDependencies(root));
  root.logger.info({ concurrency: config.worker.concurrency }, 'TourDesk worker running');
  exitOnShutdownSignal(() => root.close(), root.logger, 2 * config.shutdownTimeoutMs + 5_000);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
