import { ExpireHolds } from '../../application/bookings/ExpireHolds';
import { SweepOrphanImages } from '../../application/catalogue/SweepOrphanImages';
import { RECONCILE_DEFAULT_OLDER_THAN_MS, ReconcilePayments } from '../../application/payments/ReconcilePayments';
import { Clock } from '../../application/ports/Clock';
import { JobStore } from '../../application/ports/JobStore';
import { TOKENS } from '../../application/ports/tokens';
import { Runtime } from '../../infrastructure/container/buildContainer';
import { JobWorker, JobWorkerOptions } from './JobWorker';
import { jobHandlers } from './jobHandlers';

export const EXPIRE_HOLDS_EVERY_MS = 30_000;
export const SWEEP_ORPHAN_IMAGES_EVERY_MS = 3600_000;
export const RECONCILE_PAYMENTS_EVERY_MS = 5 * 60_000;
/** A worker run asks about at most this many attempts; the next run takes the rest. */
const RECONCILE_PAYMENTS_PER_RUN = 500;

/**
 * A worker over the container's job store and handlers that periodically releases lapsed holds,
 * reconciles payment attempts no callback confirmed, and sweeps orphaned images.
 */
export function createWorker(runtime: Runtime, options: Partial<JobWorkerOptions> = {}): JobWorker {
  const { container, config, logger } = runtime;
  const expireHolds = container.get(ExpireHolds);
  const sweepOrphanImages = container.get(SweepOrphanImages);
  const reconcilePayments = container.get(ReconcilePayments);
  return new JobWorker(container.get<JobStore>(TOKENS.JobStore), jobHandlers(container), container.get<Clock>(TOKENS.Clock), logger, {
    concurrency: config.worker.concurrency,
    leaseMs: config.worker.leaseMs,
    ...options,
  }).every('ExpireHolds', EXPIRE_HOLDS_EVERY_MS, async () => {
    const { expired } = await expireHolds.execute();
    if (expired) logger.info({ expired }, 'lapsed seat holds released');
  }).every('ReconcilePayments', RECONCILE_PAYMENTS_EVERY_MS, async () => {
    const report = await reconcilePayments.execute({ olderThanMs: RECONCILE_DEFAULT_OLDER_THAN_MS, limit: RECONCILE_PAYMENTS_PER_RUN });
    for (const settled of report.settled) logger.warn({ ...settled }, 'payment reconciled: the gateway vouched for what no callback confirmed');
    if (report.failed.length) logger.error({ failed: report.failed, skipped: report.skipped }, 'payment reconciliation could not ask the gateway about every attempt');
  }).every('SweepOrphanImages', SWEEP_ORPHAN_IMAGES_EVERY_MS, async () => {
    const result = await sweepOrphanImages.execute();
    if (result.orphans) logger.info({ ...result }, 'orphaned images swept');
  });
}

/**
 * Starts the worker and stops it (draining running jobs) when the runtime closes, before anything
 * those jobs use (the browser, the mailer, the database) is closed.
 */
export function startWorker(runtime: Runtime, options: Partial<JobWorkerOptions> = {}): JobWorker {
  const worker = createWorker(runtime, options);
  worker.start();
  runtime.resources.onShutdown('job worker', () => worker.stop(), { first: true });
  return worker;
}
