import type { ReconcilePayments, ReconcileReport } from '../../application/payments/ReconcilePayments';
import { askedAboutAllDue, RECONCILE_DEFAULT_OLDER_THAN_MS } from '../../application/payments/ReconcilePayments';
import type { Clock } from '../../application/ports/Clock';
import type { JobStore } from '../../application/ports/JobStore';
import type { Logger } from '../../application/ports/Logger';
import type { Ports } from '../../application/ports/Ports';
import type { UseCases } from '../../application/UseCases';
import type { ClassifyFailure, ShutdownHooks } from '../edges';
import type { JobHandlersDependencies } from './jobHandlers';
import { jobHandlers } from './jobHandlers';
import type { JobWorkerOptions, PeriodicTask } from './JobWorker';
import { JobWorker } from './JobWorker';

export const EXPIRE_HOLDS_EVERY_MS = 30_000;
export const SWEEP_ORPHAN_IMAGES_EVERY_MS = 3600_000;
export const RECONCILE_PAYMENTS_EVERY_MS = 5 * 60_000;
/** The reconciler's periodic task: its runs are claimed, and its mark shared, under this name. */
const RECONCILE_TASK = 'ReconcilePayments';
/** A worker run asks about at most this many due attempts, the newest first; the oldest left over wait for their next doubling. */
export const RECONCILE_PAYMENTS_PER_RUN = 500;

/** The configuration the worker reads; the composition root's Config satisfies it. */
export interface WorkerSettings {
  worker: { concurrency: number; leaseMs: number };
}

/** What the worker is handed by the entry point. */
export interface WorkerDependencies extends JobHandlersDependencies {
  useCases: JobHandlersDependencies['useCases'] & Pick<UseCases, 'expireHolds' | 'reconcilePayments' | 'sweepOrphanImages'>;
  ports: Pick<Ports, 'jobStore' | 'clock' | 'logger'>;
  settings: WorkerSettings;
  classifyFailure: ClassifyFailure;
}

/**
 * A worker over the job store and the outbox's handlers that periodically releases lapsed holds,
 * reconciles payment attempts no callback confirmed, and sweeps orphaned images.
 */
export function createWorker(dependencies: WorkerDependencies, options: Partial<JobWorkerOptions> = {}): JobWorker {
  const { useCases, ports, settings } = dependencies;
  const { logger } = ports;
  return new JobWorker(ports.jobStore, jobHandlers(dependencies), ports.clock, logger, dependencies.classifyFailure, {
    concurrency: settings.worker.concurrency,
    leaseMs: settings.worker.leaseMs,
    ...options,
  }).every('ExpireHolds', EXPIRE_HOLDS_EVERY_MS, async () => {
    const { expired } = await useCases.expireHolds.execute();
    if (expired) logger.info({ expired }, 'lapsed seat holds released');
  }).every(RECONCILE_TASK, RECONCILE_PAYMENTS_EVERY_MS, reconcilerRuns(useCases.reconcilePayments, ports.clock, ports.jobStore, reconcileLog(logger), dependencies.classifyFailure)).every('SweepOrphanImages', SWEEP_ORPHAN_IMAGES_EVERY_MS, async () => {
    const result = await useCases.sweepOrphanImages.execute();
    if (result.orphans) logger.info({ ...result }, 'orphaned images swept');
  });
}

/**
 * What a reconciler run is logged as: each verdict the gateway gave that no callback brought (a
 * warning: callbacks are being lost), what it could not ask about (an error: money may be waiting),
 * a run ended early by a stop, and a run the per-run limit cut short.
 */
export function reconcileLog(logger: Logger): (report: ReconcileReport) => void {
  return (report) => {
    for (const settled of report.settled) logger.warn({ ...settled }, 'payment reconciled: the gateway vouched for what no callback confirmed');
    for (const settled of report.refunds.settled) logger.warn({ ...settled }, 'refund reconciled: the gateway settled what no callback reported');
    if (report.failed.length) logger.error({ failed: report.failed, skipped: report.skipped }, 'payment reconciliation could not ask the gateway about every attempt');
    if (report.refunds.failed.length) logger.error({ failed: report.refunds.failed }, 'refund reconciliation could not ask the gateway about every open refund');
    const skipped = report.skipped + report.refunds.skipped;
    if (skipped && !report.failed.length) logger.info({ checked: report.checked, skipped: report.skipped, refundsSkipped: report.refunds.skipped }, 'payment reconciliation ended early: the worker is stopping, and the next run asks about the rest');
    if (report.more) logger.warn({ checked: report.checked }, 'more payment attempts were due than one reconciler run asks about: the oldest wait for their next doubling');
  };
}

/**
 * Starts the worker and stops it (draining running jobs) when the process shuts down, before anything
 * those jobs use (the browser, the mailer, the database) is closed.
 */
export function startWorker(dependencies: WorkerDependencies & { resources: ShutdownHooks }, options: Partial<JobWorkerOptions> = {}): JobWorker {
  const worker = createWorker(dependencies, options);
  worker.start();
  dependencies.resources.onShutdown('job worker', () => worker.stop(), { first: true });
  return worker;
}

/**
 * The worker's reconciler runs: each passes when the last complete run started, by whichever worker
 * (the mark in the job store), so open attempts are asked about on their backoff (`dueWindows`); the
 * very first run asks about all of them. A run the gateway or a stopping worker cut short leaves the
 * mark where it was, so the next run (on any worker) covers both spans; one the per-run limit cut
 * short moves it, leaving its oldest due attempts (asked newest first) to their next doubling.
 */
export function reconcilerRuns(
  reconcile: Pick<ReconcilePayments, 'execute'>,
  clock: Clock,
  marks: Pick<JobStore, 'periodicMark' | 'markPeriodic'>,
  reported: (report: ReconcileReport) => void,
  classifyFailure?: ClassifyFailure,
): PeriodicTask {
  return async (stopping) => {
    const startedAt = clock.now();
    const previousRunAt = await marks.periodicMark(RECONCILE_TASK);
    const report = await reconcile.execute({ olderThanMs: RECONCILE_DEFAULT_OLDER_THAN_MS, limit: RECONCILE_PAYMENTS_PER_RUN, previousRunAt, stopping, classifyFailure });
    // Reported first: what the run settled is logged even if the database refuses the mark (the next run then covers this span too).
    reported(report);
    if (askedAboutAllDue(report)) await marks.markPeriodic(RECONCILE_TASK, startedAt);
  };
}
