import { DependencyUnavailable, ValidationFailed } from '../../domain/shared/errors';
import type { Clock } from '../ports/Clock';
import type { PaymentRepository } from '../ports/PaymentRepository';
import type { RefundRepository } from '../ports/RefundRepository';
import type { UnitOfWork } from '../ports/UnitOfWork';
import type { ConfirmationOutcome, ConfirmPayment } from './ConfirmPayment';
import type { RefundSettlement } from './RefundSettlement';

/** An unpaid checkout older than this is abandoned: gateways expire their sessions long before. */
export const RECONCILE_LOOKBACK_MS = 3 * 86_400_000;
/** Callbacks normally arrive within seconds; the reconciler leaves younger attempts to them. */
export const RECONCILE_DEFAULT_OLDER_THAN_MS = 10 * 60_000;
/** An attempt is asked about on every run while it is younger than this; after that, each time its age doubles. */
export const RECONCILE_EVERY_RUN_FOR_MS = 60 * 60_000;
/** How many open attempts of the look-back window one run reads before choosing which are due. */
const OPEN_ATTEMPTS_READ = 100_000;

/**
 * Whether an attempt `ageMs` old is due on a run `sinceLastRunMs` after the previous one: every run
 * in its first hour (when a traveller who paid and closed the tab still holds seats), then once each
 * time its age doubles (2 h, 4 h, ... 64 h). An abandoned checkout is asked about under 20 times in the
 * look-back window instead of on every run (864 times at one run per 5 minutes).
 */
export function dueForAsking(ageMs: number, sinceLastRunMs: number): boolean {
  const ageAtLastRun = ageMs - sinceLastRunMs;
  if (ageAtLastRun < RECONCILE_EVERY_RUN_FOR_MS) return true;
  const doublings = (age: number) => Math.floor(Math.log2(age / RECONCILE_EVERY_RUN_FOR_MS));
  return doublings(ageMs) > doublings(ageAtLastRun);
}

export interface ReconcileInput {
  /** Only attempts opened at least this long ago (0: every open attempt). */
  olderThanMs: number;
  /** At most this many attempts per run, the newest first. */
  limit?: number;
  /**
   * When the previous run (of this process) was: attempts are then asked about only when due
   * (`dueForAsking`). Null or absent asks about every open attempt: the CLI, a worker's first run.
   */
  previousRunAt?: Date | null;
  onProgress?: (done: number, total: number) => void;
}

export interface ReconcileReport {
  /** Open attempts due this run; more than `checked` when the limit or a gateway outage cut the run short. */
  due: number;
  /** Open attempts asked about. */
  checked: number;
  /** Verdicts this run recorded. */
  settled: { transactionId: string; paymentId: string; outcome: ConfirmationOutcome; message: string }[];
  /** Attempts the gateway has no verdict for yet. */
  open: number;
  failed: { transactionId: string; error: string }[];
  /** Not asked about because the gateway stopped answering. */
  skipped: number;
  /** Open refunds (REQUESTED or PENDING) asked about, and what became of them. */
  refunds: {
    checked: number;
    settled: { refundId: string; paymentId: string; state: string }[];
    failed: { refundId: string; error: string }[];
  };
}

/**
 * Asks the gateway about every open payment attempt in the window (opened between
 * RECONCILE_LOOKBACK_MS and `olderThanMs` ago) and runs ConfirmPayment on what it vouches for:
 * this is what rescues a traveller who paid and closed the tab before any callback arrived. Then
 * it asks about every open refund of the same age: one the gateway never answered is asked again
 * (idempotent on its id), a pending one by its status, and the answer is recorded.
 */
export class ReconcilePayments {
  constructor(
    private readonly payments: PaymentRepository,
    private readonly confirm: ConfirmPayment,
    private readonly clock: Clock,
    private readonly refunds: RefundRepository,
    private readonly refundSettlement: RefundSettlement,
    private readonly uow: UnitOfWork,
  ) {}

  async execute(input: ReconcileInput): Promise<ReconcileReport> {
    if (!Number.isSafeInteger(input.olderThanMs) || input.olderThanMs < 0) throw ValidationFailed.field('olderThan', 'must be a duration of 0 or more');
    const now = this.clock.now().getTime();
    const to = new Date(now - input.olderThanMs);
    const open = await this.payments.openAttempts({ from: new Date(now - RECONCILE_LOOKBACK_MS), to, limit: OPEN_ATTEMPTS_READ });
    const sinceLastRun = input.previousRunAt ? now - input.previousRunAt.getTime() : null;
    // Newest first: those are the travellers whose seats are still held. Oldest-first under a limit let days-old abandoned checkouts fill every run.
    const due = open
      .filter((attempt) => sinceLastRun === null || dueForAsking(now - attempt.createdAt.getTime(), sinceLastRun))
      .reverse();
    const report: ReconcileReport = { due: due.length, checked: 0, settled: [], open: 0, failed: [], skipped: 0, refunds: { checked: 0, settled: [], failed: [] } };
    const attempts = due.slice(0, input.limit ?? OPEN_ATTEMPTS_READ);
    for (const [i, attempt] of attempts.entries()) {
      try {
        const confirmation = await this.confirm.execute({ transactionId: attempt.transactionId, source: 'reconciler' });
        if (confirmation.changed) {
          report.settled.push({ transactionId: attempt.transactionId, paymentId: attempt.paymentId, outcome: confirmation.outcome, message: confirmation.message });
        } else if (!confirmation.verified) report.open += 1;
      } catch (error) {
        report.failed.push({ transactionId: attempt.transactionId, error: (error as Error).message });
        // A gateway that stopped answering will not answer the rest either: the next run asks again.
        if (error instanceof DependencyUnavailable) {
          report.skipped = attempts.length - i - 1;
          break;
        }
      } finally {
        report.checked += 1;
        input.onProgress?.(i + 1, attempts.length);
      }
    }
    if (!report.skipped) await this.reconcileRefunds(to, input.limit ?? 100_000, report.refunds);
    return report;
  }

  private async reconcileRefunds(to: Date, limit: number, report: ReconcileReport['refunds']): Promise<void> {
    for (const refund of await this.refunds.openRefunds({ to, limit })) {
      report.checked += 1;
      try {
        const outcome = await this.refundSettlement.ask(refund);
        const applied = await this.uow.run(() => this.refundSettlement.apply(refund.id, outcome, 'reconciler'));
        if (applied?.changed) report.settled.push({ refundId: refund.id, paymentId: refund.paymentId, state: applied.refund.state });
      } catch (error) {
        report.failed.push({ refundId: refund.id, error: (error as Error).message });
        if (error instanceof DependencyUnavailable) break;
      }
    }
  }
}
