import type { Logger } from '../application/ports/Logger';

export const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * On the first SIGTERM/SIGINT runs `stop` (which drains and closes everything) and exits 0,
 * or 1 when stopping failed. A second signal, or a stop that outlives `graceMs`, exits at once:
 * an orchestrator's patience is finite and a hung close must not keep the process alive.
 */
export function exitOnShutdownSignal(
  stop: () => Promise<void>, logger: Logger, graceMs: number, signals: readonly NodeJS.Signals[] = SHUTDOWN_SIGNALS,
): void {
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) {
      logger.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    signalled = true;
    logger.info({ signal }, 'signal received: shutting down');
    setTimeout(() => {
      logger.error({ graceMs }, 'shutdown did not finish in time: exiting');
      process.exit(1);
    }, graceMs).unref();
    stop().then(
      () => process.exit(0),
      (error) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  for (const signal of signals) process.on(signal, onSignal);
}
