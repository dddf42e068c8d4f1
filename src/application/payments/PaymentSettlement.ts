import type { Booking } from '../../domain/booking/Booking';
import { needsSeatRecount, settleBooking } from '../../domain/booking/settleBooking';
import type { Payment, Receipt, VerifiedPayment } from '../../domain/payment/Payment';
import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { Conflict } from '../../domain/shared/errors';
import type { BookingRepository } from '../ports/BookingRepository';
import type { Clock } from '../ports/Clock';
import type { IdGenerator } from '../ports/IdGenerator';
import { OUTBOX_JOBS } from '../jobs/outboxJobs';
import type { JobQueue } from '../ports/JobQueue';
import type { PaymentGateway } from '../ports/PaymentGateway';
import type { PaymentRepository } from '../ports/PaymentRepository';

export type Settled =
  | { kind: 'unknown' }
  | { kind: 'mismatch'; payment: Payment; reason: string }
  /** The attempt already had its verdict: a replayed callback, or the loser of a race. */
  | { kind: 'replay'; payment: Payment }
  | { kind: 'applied'; payment: Payment; receipt: Receipt; refundFlagged: boolean };

/**
 * Records a verdict the gateway vouched for, inside the caller's unit of work. It locks in the one
 * order every seat-touching transaction uses (tour, booking, payment, attempt: docs/adr/0007), reads
 * everything it decides on under those locks, and spends the gateway's single-use proof in the same
 * commit. Safe to run again whole after a deadlock: nothing it does outlives a rollback.
 */
export class PaymentSettlement {
  constructor(
    private readonly gateway: PaymentGateway,
    private readonly payments: PaymentRepository,
    private readonly bookings: BookingRepository,
    private readonly jobs: JobQueue,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async settle(verified: VerifiedPayment, source: string): Promise<Settled> {
    const now = this.clock.now();
    const held = await this.lock(verified.transactionId);
    if (!held) return { kind: 'unknown' };
    const { tour, booking, payment, attempt } = held;
    if (attempt.hasVerdict) return { kind: 'replay', payment };
    try {
      payment.assertMatches(verified);
    } catch (mismatch) {
      return { kind: 'mismatch', payment, reason: (mismatch as Error).message };
    }

    await this.gateway.consume(verified);
    const paymentFrom = payment.status;
    const bookingFrom = booking?.status ?? null;
    const receipt = payment.receive(verified, now);
    attempt.record(verified, now);
    let refundFlagged = receipt === 'PAID_AGAIN';
    if (receipt === 'SETTLED') {
      // Read under the tour's lock, so the recount holds until the commit.
      const seats = tour && needsSeatRecount(booking, verified.status, now) ? { capacity: tour.capacity, held: await this.bookings.seatsHeld(tour.id, now) } : null;
      const settled = settleBooking(booking, verified.status, now, seats);
      if (settled.refundDue) payment.flagRefundDue(now);
      refundFlagged = settled.refundDue;
      // Under the locks every write must land; if one does not, roll back and let the caller replay.
      if (booking && settled.moved && !(await this.bookings.saveTransition(booking, 'PENDING'))) throw changedMeanwhile();
    }
    if (receipt !== 'ATTEMPT_ONLY' && !(await this.payments.saveTransition(payment, paymentFrom))) throw changedMeanwhile();
    if (!(await this.payments.recordVerdict(attempt))) throw changedMeanwhile();
    await this.record({ verified, source, receipt, payment, paymentFrom, booking, bookingFrom, superseded: attempt.supersededAt !== null, now });
    return { kind: 'applied', payment, receipt, refundFlagged };
  }

  /**
   * The rows a verdict on `transactionId` touches, locked in the one order (docs/adr/0007). The
   * first two reads are plain: they only say what to lock; what is decided on is read under the locks.
   */
  private async lock(transactionId: string) {
    const found = await this.payments.findByTransactionId(transactionId);
    if (!found) return null;
    const located = await this.bookings.findById(found.bookingId);
    const tour = located ? await this.bookings.lockTour(located.tourId) : null;
    const booking = located ? await this.bookings.findById(located.id, { forUpdate: true }) : null;
    const payment = (await this.payments.findById(found.id, { forUpdate: true }))!;
    const attempt = (await this.payments.findAttempt(transactionId, { forUpdate: true }))!;
    return { tour, booking, payment, attempt };
  }

  /** The audit event, and the invoice and confirmation mail jobs in the same commit (the outbox). */
  private async record(input: {
    verified: VerifiedPayment; source: string; receipt: Receipt; payment: Payment; paymentFrom: string;
    booking: Booking | null; bookingFrom: string | null; superseded: boolean; now: Date;
  }): Promise<void> {
    const { verified, receipt, payment, booking } = input;
    await this.payments.recordEvent({
      id: this.ids.next(), paymentId: payment.id, bookingId: payment.bookingId,
      type: receipt === 'SETTLED' ? verified.status : receipt === 'PAID_AGAIN' ? 'PAID_AGAIN' : `ATTEMPT_${verified.status}`,
      fromStatus: input.paymentFrom, toStatus: payment.status,
      detail: {
        source: input.source, transactionId: verified.transactionId, valId: verified.valId, superseded: input.superseded,
        bookingFrom: input.bookingFrom, bookingTo: booking?.status ?? null, refundDue: payment.refundDue,
      },
      createdAt: input.now,
    });
    if (receipt !== 'SETTLED' || verified.status !== 'PAID') return;
    await this.jobs.enqueue(OUTBOX_JOBS.issueInvoice.job({ paymentId: payment.id }));
    if (input.bookingFrom === 'PENDING' && booking?.status === 'COMPLETE') {
      await this.jobs.enqueue(OUTBOX_JOBS.sendBookingConfirmation.job({ paymentId: payment.id }));
    }
  }
}

function changedMeanwhile(): Conflict {
  return new Conflict('The payment changed while it was being confirmed; send the callback again', ERROR_CODES.PAYMENT.CHANGED_CONCURRENTLY);
}
