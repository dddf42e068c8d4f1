import cluster from 'node:cluster';
import type { Worker } from 'node:cluster';
import type { Logger } from './application/ports/Logger';
import { workerDependencies } from './handOver';
import type { Config } from './infrastructure/config/Config';
import { asyncStdout, createPino, PinoLogger } from './infrastructure/logging/PinoLogger';
import { buildRoot, openDatabase } from './infrastructure/root/buildRoot';
import { exitOnShutdownSignal } from './interfaces/shutdownSignals';
import { startWorker } from './interfaces/worker/startWorker';
import { startApi } from './startApi';

/** A child that dies sooner than this after its start is restarted only after this long, so a crash loop does not spin. */
const RESTART_BACKOFF_MS = 1_000;
/**
 * More deaths than this within the window and the primary stops the cluster and exits 1: a child
 * that cannot stay up (a bad deploy, a dependency it cannot reach at start) is the supervisor's
 * (systemd, compose, Kubernetes) and the operator's to see, not a loop to hide behind restarts.
 */
export const CRASH_LIMIT = 5;
export const CRASH_WINDOW_MS = 60_000;

/** True in a child forked by `startCluster`: it serves the API only and stops on its primary's SIGTERM. */
export const isClusterChild = (): boolean => cluster.isWorker;

/**
 * A child of the cluster: the API alone on the shared port. A terminal's Ctrl-C reaches the whole
 * process group; the child ignores it and drains on the SIGTERM its primary forwards, so it does not
 * take the primary's signal for a second, impatient one.
 */
export async function startClusterChild(): Promise<void> {
  process.on('SIGINT', () => undefined);
  await startApi({ ...process.env, WORKER_IN_PROCESS: '0' }, { shutdownSignals: ['SIGTERM'] });
}

/**
 * `npm start` with API_PROCESSES > 1: the primary migrates the database once (children would race),
 * runs the job worker when WORKER_IN_PROCESS is on, forks the API children (node:cluster shares
 * the port between them), restarts a child that dies, and on SIGTERM/SIGINT forwards SIGTERM to
 * every child, waits until all have drained and exited, then stops its worker and exits.
 */
export async function startCluster(config: Config): Promise<void> {
  const { logger, stopWorker } = await preparePrimary(config);
  let stopping = false;
  const children = new Set<Worker>();
  let deaths: number[] = [];
  const fork = () => {
    const child = cluster.fork({ WORKER_IN_PROCESS: '0' });
    const startedAt = Date.now();
    children.add(child);
    child.once('online', () => logger.info({ pid: child.process.pid }, 'API process started'));
    child.on('exit', (code, signal) => {
      children.delete(child);
      if (stopping) return;
      const now = Date.now();
      deaths = [...deaths.filter((at) => now - at < CRASH_WINDOW_MS), now];
      if (deaths.length > CRASH_LIMIT) {
        logger.error({ pid: child.process.pid, code, signal, deaths: deaths.length, windowMs: CRASH_WINDOW_MS }, 'API processes keep dying: stopping the cluster');
        giveUp();
        return;
      }
      logger.error({ pid: child.process.pid, code, signal }, 'API process died: starting another');
      setTimeout(() => stopping || fork(), Math.max(0, RESTART_BACKOFF_MS - (Date.now() - startedAt)));
    });
  };
  for (let i = 0; i < config.apiProcesses; i++) fork();
  logger.info({ processes: config.apiProcesses, port: config.port, worker: config.worker.inProcess }, 'TourDesk API cluster started');

  async function stop(): Promise<void> {
    stopping = true;
    const exits = [...children].map((child) => new Promise<number | null>((resolve) => {
      child.once('exit', (code) => resolve(code));
      child.process.kill('SIGTERM');
    }));
    const codes = await Promise.all(exits);
    await stopWorker();
    logger.info({ codes }, 'API cluster stopped');
    if (codes.some((code) => code !== 0)) throw new Error(`API processes exited with ${codes.join(', ')}`);
  }
  // The children's own grace (2 × SHUTDOWN_TIMEOUT_MS + 5 s) bounds their exits; the worker's drain follows them.
  const graceMs = 3 * config.shutdownTimeoutMs + 10_000;
  exitOnShutdownSignal(stop, logger, graceMs);

  /** Drains what still runs, then exits 1 whatever the drain says. */
  function giveUp(): void {
    setTimeout(() => process.exit(1), graceMs).unref();
    stop().then(
      () => process.exit(1),
      (error: unknown) => {
        logger.error({ err: error }, 'stopping the cluster failed');
        process.exit(1);
      },
    );
  }
}

async function preparePrimary(config: Config): Promise<{ logger: Logger; stopWorker(): Promise<void> }> {
  if (config.worker.inProcess) {
    const root = await buildRoot(config);
    startWorker(workerDependencies(root)); // root.close() stops it first
    root.logger.info({ concurrency: config.worker.concurrency }, 'TourDesk worker running in the cluster primary');
    return { logger: root.logger, stopWorker: () => root.close() };
  }
  const database = await openDatabase(config);
  await database.close();
  return { logger: new PinoLogger(createPino(config.logLevel, asyncStdout())), stopWorker: async () => undefined };
}
