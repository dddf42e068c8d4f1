import type { Booking } from '../../domain/booking/Booking';
import type { Payment } from '../../domain/payment/Payment';
import type { Refund, RefundStatus } from '../../domain/payment/Refund';
import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { Conflict } from '../../domain/shared/errors';
import type { BookingRepository } from '../ports/BookingRepository';
import type { Clock } from '../ports/Clock';
import type { IdGenerator } from '../ports/IdGenerator';
import { OUTBOX_JOBS } from '../jobs/outboxJobs';
import type { JobQueue } from '../ports/JobQueue';
import type { PaymentGateway, RefundOutcome } from '../ports/PaymentGateway';
import type { PaymentRepository } from '../ports/PaymentRepository';
import type { RefundRepository } from '../ports/RefundRepository';

export interface RefundApplied {
  refund: Refund;
  payment: Payment;
  /** Whether this call recorded something (false for a duplicate or stale answer). */
  changed: boolean;
}

const EVENT: Record<RefundStatus, string> = { REQUESTED: 'REFUND_REQUESTED', COMPLETED: 'REFUNDED', PENDING: 'REFUND_PENDING', FAILED: 'REFUND_FAILED' };

/**
 * Asks the gateway about a refund and records its answer. `ask` runs outside any transaction (the
 * gateway may be slow); `apply` inside the caller's unit of work, in the one lock order (tour,
 * booking, payment, then the refund: docs/adr/0007), deciding on what it reads under the locks.
 * An answer for a refund that already has its outcome changes nothing, so duplicate and
 * out-of-order notices never move a payment back.
 */
export class RefundSettlement {
  constructor(
    private readonly gateway: PaymentGateway,
    private readonly payments: PaymentRepository,
    private readonly refunds: RefundRepository,
    private readonly bookings: BookingRepository,
    private readonly jobs: JobQueue,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  /** Where an open refund stands: asked again (idempotent on its id) while the gateway never answered, its status once it did. */
  ask(refund: Refund): Promise<RefundOutcome> {
    if (refund.gateway !== this.gateway.name) {
      return Promise.reject(new Conflict(`This refund was asked of ${refund.gateway}, which is not the configured gateway`, ERROR_CODES.REFUND.OTHER_GATEWAY));
    }
    const money = { refundId: refund.id, transactionId: refund.transactionId, paymentRef: refund.paymentRef };
    if (refund.state === 'REQUESTED') return this.gateway.refund({ ...money, amount: refund.amount, reason: refund.reason });
    return this.gateway.refundStatus({ ...money, gatewayRefundId: refund.gatewayRefundId });
  }

  /** The rows a change of `paymentId`'s money touches, locked in the one order; null when there is no such payment. */
  async lockPayment(paymentId: string): Promise<{ booking: Booking | null; payment: Payment } | null> {
    const found = await this.payments.findById(paymentId);
    if (!found) return null;
    const located = await this.bookings.findById(found.bookingId);
    if (located) await this.bookings.lockTour(located.tourId);
    const booking = located ? await this.bookings.findById(located.id, { forUpdate: true }) : null;
    const payment = (await this.payments.findById(paymentId, { forUpdate: true }))!;
    return { booking, payment };
  }

  /** Records the gateway's answer for our refund `refundId`; null when we have no such refund. */
  async apply(refundId: string, outcome: RefundOutcome, source: string): Promise<RefundApplied | null> {
    const located = await this.refunds.findById(refundId);
    if (!located) return null;
    const held = await this.lockPayment(located.paymentId);
    const refund = (await this.refunds.findById(refundId, { forUpdate: true }))!;
    const { booking, payment } = held!;
    if (!refund.open) return { refund, payment, changed: false };
    const now = this.clock.now();
    const refundFrom = refund.state;
    if (!refund.apply(outcome, now)) return { refund, payment, changed: false };
    const paymentFrom = payment.status;
    const bookingFrom = booking?.status ?? null;
    if (refund.state === 'COMPLETED') payment.completeRefund(refund.amount, now);
    if (refund.state === 'FAILED') payment.failRefund(refund.amount, now);
    const released = refund.state === 'COMPLETED' && payment.fullyRefunded && booking !== null && booking.cancelForRefund(now);
    // Under the locks every write must land; if one does not, roll back and let the caller ask again.
    if (released && !(await this.bookings.saveTransition(booking, bookingFrom!))) throw changedMeanwhile();
    if (!(await this.payments.saveTransition(payment, paymentFrom))) throw changedMeanwhile();
    if (!(await this.refunds.saveOutcome(refund, refundFrom))) throw changedMeanwhile();
    await this.payments.recordEvent({
      id: this.ids.next(), paymentId: payment.id, bookingId: payment.bookingId, type: EVENT[refund.state], fromStatus: paymentFrom, toStatus: payment.status,
      detail: {
        source, refundId: refund.id, amount: refund.amount.minor, gatewayRefundId: refund.gatewayRefundId, failureReason: refund.failureReason,
        bookingFrom, bookingTo: booking?.status ?? null,
      },
      createdAt: now,
    });
    // The credit note is made by the worker, in the same commit as the refund (the outbox).
    if (refund.state === 'COMPLETED') await this.jobs.enqueue(OUTBOX_JOBS.issueCreditNote.job({ refundId: refund.id }));
    return { refund, payment, changed: true };
  }
}

function changedMeanwhile(): Conflict {
  return new Conflict('The payment changed while its refund was being recorded; try again', ERROR_CODES.PAYMENT.CHANGED_CONCURRENTLY);
}
