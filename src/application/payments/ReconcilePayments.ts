import { DependencyUnavailable, ValidationFailed } from '../../domain/shared/errors';
import type { Clock } from '../ports/Clock';
import type { CreatedBetween, PaymentRepository } from '../ports/PaymentRepository';
import type { RefundRepository } from '../ports/RefundRepository';
import type { UnitOfWork } from '../ports/UnitOfWork';
import { dueWindows, REFUND_LOOKBACK_MS } from './reconcileBackoff';
import type { ConfirmationOutcome, ConfirmPayment } from './ConfirmPayment';
import type { RefundSettlement } from './RefundSettlement';

/** Callbacks normally arrive within seconds; the reconciler leaves younger attempts to them. */
export const RECONCILE_DEFAULT_OLDER_THAN_MS = 10 * 60_000;
/** How many due attempts one run asks about when the caller sets no limit. */
const ATTEMPTS_PER_RUN = 100_000;

export interface ReconcileInput {
  /** Only attempts opened at least this long ago (0: every open attempt). */
  olderThanMs: number;
  /** At most this many attempts per run, the newest first. */
  limit?: number;
  /**
   * When the last complete run started (the workers' shared mark): attempts are then asked about
   * only when due (`dueWindows`). Null or absent asks about every open attempt: the CLI, the very
   * first worker run on a database.
   */
  previousRunAt?: Date | null;
  onProgress?: (done: number, total: number) => void;
  /** Aborted when the process is stopping: the run ends before its next gateway call, the rest counted as skipped. */
  stopping?: AbortSignal;
  /**
   * What a failure means, as the edges classify it (ADR 0008: a driver's "not now" becomes
   * DependencyUnavailable). A gateway or database that stopped answering ends the run: the rest is
   * skipped, not asked about one by one. Without it, only a DependencyUnavailable thrown as such does.
   */
  classifyFailure?: (thrown: unknown) => unknown;
}

export interface ReconcileReport {
  /** More attempts were due than the limit let this run ask about; the oldest of them wait for their next doubling. */
  more: boolean;
  /** Open attempts asked about. */
  checked: number;
  /** Verdicts this run recorded. */
  settled: { transactionId: string; paymentId: string; outcome: ConfirmationOutcome; message: string }[];
  /** Attempts the gateway has no verdict for yet. */
  open: number;
  failed: { transactionId: string; error: string }[];
  /** Not asked about because the gateway stopped answering, or the process is stopping. */
  skipped: number;
  /** Open refunds (REQUESTED or PENDING) asked about, and what became of them. */
  refunds: {
    checked: number;
    settled: { refundId: string; paymentId: string; state: string }[];
    failed: { refundId: string; error: string }[];
    /** Due, but not asked about because the process is stopping. */
    skipped: number;
  };
}

/**
 * Every due attempt and refund was asked about (the per-run limit may have left the oldest due
 * attempts to their next doubling): the run may become the mark the next run goes on from.
 */
export const askedAboutAllDue = (report: ReconcileReport): boolean =>
  !report.failed.length && !report.skipped && !report.refunds.failed.length && !report.refunds.skipped;

/**
 * Asks the gateway about the open payment attempts due (`dueWindows`: opened between
 * RECONCILE_LOOKBACK_MS and `olderThanMs` ago, on a backoff after the first hour when the caller
 * says when it last ran) and runs ConfirmPayment on what it vouches for:
 * this is what rescues a traveller who paid and closed the tab before any callback arrived. Then
 * it asks about the open refunds due by the same rule over a year (`REFUND_LOOKBACK_MS`): one the
 * gateway never answered is asked again (idempotent on its id), a pending one by its status, and the
 * answer is recorded.
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
    const limit = input.limit ?? ATTEMPTS_PER_RUN;
    const sinceLastRun = input.previousRunAt ? now - input.previousRunAt.getTime() : null;
    // Newest first: those are the travellers whose seats are still held. Oldest-first under a limit let days-old abandoned checkouts fill every run.
    const due = await this.payments.openAttempts({ windows: dueWindows(now, input.olderThanMs, sinceLastRun), limit: limit + 1 });
    const attempts = due.slice(0, limit);
    const report: ReconcileReport = { more: due.length > limit, checked: 0, settled: [], open: 0, failed: [], skipped: 0, refunds: { checked: 0, settled: [], failed: [], skipped: 0 } };
    let cutShort = false;
    for (const [i, attempt] of attempts.entries()) {
      if (input.stopping?.aborted) {
        cutShort = true;
        report.skipped = attempts.length - i;
        break;
      }
      try {
        const confirmation = await this.confirm.execute({ transactionId: attempt.transactionId, source: 'reconciler' });
        if (confirmation.changed) {
          report.settled.push({ transactionId: attempt.transactionId, paymentId: attempt.paymentId, outcome: confirmation.outcome, message: confirmation.message });
        } else if (!confirmation.verified) report.open += 1;
      } catch (thrown) {
        const error = input.classifyFailure?.(thrown) ?? thrown;
        report.failed.push({ transactionId: attempt.transactionId, error: (error as Error).message });
        // A gateway or database that stopped answering will not answer the rest either: the next run asks again.
        if (error instanceof DependencyUnavailable) {
          cutShort = true;
          report.skipped = attempts.length - i - 1;
          break;
        }
      } finally {
        report.checked += 1;
        input.onProgress?.(i + 1, attempts.length);
      }
    }
    // Attempts cut short (a stop, a gateway or database gone, even at the last attempt) leave the refunds to the next run as well.
    if (!cutShort) await this.reconcileRefunds(dueWindows(now, input.olderThanMs, sinceLastRun, REFUND_LOOKBACK_MS), limit, report.refunds, input);
    return report;
  }

  private async reconcileRefunds(windows: CreatedBetween[], limit: number, report: ReconcileReport['refunds'], { stopping, classifyFailure }: ReconcileInput): Promise<void> {
    const due = await this.refunds.openRefunds({ windows, limit });
    for (const [i, refund] of due.entries()) {
      if (stopping?.aborted) {
        report.skipped = due.length - i;
        break;
      }
      report.checked += 1;
      try {
        const outcome = await this.refundSettlement.ask(refund);
        const applied = await this.uow.run(() => this.refundSettlement.apply(refund.id, outcome, 'reconciler'));
        if (applied?.changed) report.settled.push({ refundId: refund.id, paymentId: refund.paymentId, state: applied.refund.state });
      } catch (thrown) {
        const error = classifyFailure?.(thrown) ?? thrown;
        report.failed.push({ refundId: refund.id, error: (error as Error).message });
        if (error instanceof DependencyUnavailable) break;
      }
    }
  }
}
