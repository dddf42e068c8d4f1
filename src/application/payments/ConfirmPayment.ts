import { Payment, VerifiedPayment } from '../../domain/payment/Payment';
import { BookingRepository } from '../ports/BookingRepository';
import { Clock } from '../ports/Clock';
import { IdGenerator } from '../ports/IdGenerator';
import { JobQueue } from '../ports/JobQueue';
import { Logger } from '../ports/Logger';
import { GatewayCallback, PaymentGateway } from '../ports/PaymentGateway';
import { PaymentRepository } from '../ports/PaymentRepository';
import { UnitOfWork } from '../ports/UnitOfWork';
import { settleBooking } from './settleBooking';

export type ConfirmationOutcome = 'PAID' | 'FAILED' | 'CANCELLED' | 'UNVERIFIED';

export interface Confirmation {
  outcome: ConfirmationOutcome;
  /** Our record, when the callback points at one (read-only for unverified callbacks). */
  payment: Payment | null;
  /** Whether this call made the transition (false for a replay or the loser of a race). */
  changed: boolean;
  message: string;
}

/**
 * Applies what the gateway vouches for: redirects, IPN and the admin command all land here.
 * The callback only says which payment to ask about; `verify` decides. Idempotent.
 */
export class ConfirmPayment {
  constructor(
    private readonly gateway: PaymentGateway,
    private readonly payments: PaymentRepository,
    private readonly bookings: BookingRepository,
    private readonly jobs: JobQueue,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
    private readonly logger: Logger,
  ) {}

  async execute(input: { callback: GatewayCallback; source: 'redirect' | 'ipn' | 'admin' }): Promise<Confirmation> {
    const claimed = input.callback.tran_id;
    const verified = await this.gateway.verify(input.callback);
    if (!verified || (claimed !== undefined && claimed !== verified.transactionId)) return this.unverified(null, claimed, input.source, 'gateway did not vouch');
    return this.uow.run(async () => {
      const payment = await this.payments.findByTransactionId(verified.transactionId);
      if (!payment) return this.unverified(null, undefined, input.source, 'unknown transaction');
      if (payment.status !== 'UNPAID') return done(payment, false);
      try {
        payment.assertMatches(verified);
      } catch (mismatch) {
        return this.unverified(payment, payment.transactionId, input.source, (mismatch as Error).message);
      }
      return this.apply(payment, verified, input.source);
    });
  }

  private async apply(payment: Payment, verified: VerifiedPayment, source: string): Promise<Confirmation> {
    const now = this.clock.now();
    const booking = await this.bookings.findById(payment.bookingId);
    const bookingBefore = booking?.status ?? null;
    const plan = booking ? await settleBooking(booking, verified.status, now, this.bookings) : { moved: false, refundDue: verified.status === 'PAID' };
    payment.settle(verified, now);
    if (plan.refundDue) payment.flagRefundDue(now);
    // The conditional write decides races: the redirect and the IPN may both get here.
    if (!(await this.payments.saveTransition(payment, 'UNPAID'))) {
      return done((await this.payments.findById(payment.id)) ?? payment, false);
    }
    // Cancelled or expired meanwhile: the booking keeps its state and the money is owed back.
    const bookingKept = booking && plan.moved ? await this.bookings.saveTransition(booking, 'PENDING') : false;
    if (booking && plan.moved && !bookingKept && verified.status === 'PAID') {
      payment.flagRefundDue(now);
      await this.payments.save(payment);
    }
    await this.payments.recordEvent({
      id: this.ids.next(), paymentId: payment.id, bookingId: payment.bookingId, type: verified.status, fromStatus: 'UNPAID', toStatus: payment.status,
      detail: { source, valId: verified.valId, bookingFrom: bookingBefore, bookingTo: bookingKept ? booking!.status : bookingBefore, refundDue: payment.refundDue },
      createdAt: now,
    });
    if (verified.status === 'PAID') {
      await this.jobs.enqueue({ type: 'IssueInvoice', payload: { paymentId: payment.id }, dedupeKey: `IssueInvoice:${payment.id}` });
      if (bookingKept && booking?.status === 'COMPLETE') {
        await this.jobs.enqueue({ type: 'SendBookingConfirmation', payload: { paymentId: payment.id }, dedupeKey: `SendBookingConfirmation:${payment.id}` });
      }
    }
    if (payment.refundDue) this.logger.warn({ paymentId: payment.id, bookingId: payment.bookingId }, 'payment received for a booking that cannot be honoured: refund due');
    return done(payment, true);
  }

  /** `known` is the payment when it is already loaded; otherwise it is looked up by `transactionId`. */
  private async unverified(known: Payment | null, transactionId: string | undefined, source: string, reason: string): Promise<Confirmation> {
    this.logger.warn({ transactionId, source, reason }, 'payment callback not verified; nothing changed');
    const payment = known ?? (transactionId ? await this.payments.findByTransactionId(transactionId) : null);
    return { outcome: 'UNVERIFIED', payment, changed: false, message: 'Payment could not be verified' };
  }
}

const MESSAGES: Record<string, string> = {
  PAID: 'Payment completed successfully',
  FAILED: 'Payment failed',
  CANCELLED: 'Payment cancelled',
  REFUNDED: 'Payment refunded',
  UNPAID: 'Payment not completed',
};

function done(payment: Payment, changed: boolean): Confirmation {
  const outcome: ConfirmationOutcome = payment.status === 'PAID' || payment.status === 'REFUNDED' ? 'PAID' : payment.status === 'UNPAID' ? 'UNVERIFIED' : payment.status;
  const message = payment.refundDue ? 'Payment received, but the seats were no longer available; a refund is due' : MESSAGES[payment.status];
  return { outcome, payment, changed, message };
}

