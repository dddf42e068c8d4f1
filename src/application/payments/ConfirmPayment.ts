import type { Payment, VerifiedPayment } from '../../domain/payment/Payment';
import type { Logger } from '../ports/Logger';
import type { GatewayCallback, PaymentGateway } from '../ports/PaymentGateway';
import type { PaymentRepository } from '../ports/PaymentRepository';
import type { UnitOfWork } from '../ports/UnitOfWork';
import type { PaymentSettlement, Settled } from './PaymentSettlement';

export type ConfirmationOutcome = 'PAID' | 'FAILED' | 'CANCELLED' | 'UNVERIFIED';
export type ConfirmationSource = 'redirect' | 'ipn' | 'admin' | 'reconciler';

/** What a confirmation starts from: a callback's fields, or one of our transaction ids to ask the gateway about. */
export type PaymentEvidence = { callback: GatewayCallback } | { transactionId: string };

export interface Confirmation {
  outcome: ConfirmationOutcome;
  /** Our record, when the evidence points at one (read-only for unverified callbacks). */
  payment: Payment | null;
  /** The gateway vouched for the evidence (the outcome may still be a replay). */
  verified: boolean;
  /** Whether this call recorded the verdict (false for a replay or the loser of a race). */
  changed: boolean;
  message: string;
}

/**
 * Applies what the gateway vouches for: redirects, IPN, the admin command and the reconciler all
 * land here. The evidence only says which checkout to ask about; the gateway decides, read-only.
 * The verdict is recorded, and the gateway's single-use proof spent, in one unit of work: whatever
 * fails before that commit leaves everything as it was, so the same evidence confirms it later.
 */
export class ConfirmPayment {
  constructor(
    private readonly gateway: PaymentGateway,
    private readonly payments: PaymentRepository,
    private readonly settlement: PaymentSettlement,
    private readonly uow: UnitOfWork,
    private readonly logger: Logger,
  ) {}

  async execute(input: PaymentEvidence & { source: ConfirmationSource }): Promise<Confirmation> {
    const claimed = 'callback' in input ? input.callback.tran_id : input.transactionId;
    const verified = 'callback' in input ? await this.gateway.check(input.callback) : await this.lookup(input.transactionId);
    // An abandoned checkout has no verdict on every reconciler run for days: its report counts those, a warning each would be noise.
    if (!verified) return this.unverified(claimed, input.source, 'gateway did not vouch', undefined, input.source !== 'reconciler');
    if (claimed !== undefined && claimed !== verified.transactionId) return this.unverified(claimed, input.source, 'gateway did not vouch');
    const settled: Settled = await this.uow.run(() => this.settlement.settle(verified, input.source));
    if (settled.kind === 'unknown') return this.unverified(undefined, input.source, 'unknown transaction');
    if (settled.kind === 'mismatch') return this.unverified(verified.transactionId, input.source, settled.reason, settled.payment);
    if (settled.kind === 'replay') return confirmation(settled.payment, false);
    const { payment, receipt, refundFlagged } = settled;
    if (refundFlagged) {
      this.logger.warn({ paymentId: payment.id, bookingId: payment.bookingId, transactionId: verified.transactionId, receipt }, 'payment received for a booking that cannot be honoured: refund due');
    }
    return confirmation(payment, true, receipt === 'PAID_AGAIN' ? 'Payment received again on an older checkout; that payment will be refunded' : undefined);
  }

  /** The gateway's transaction query for one of our attempts (Stripe and PayPal ask by their own session or order id). */
  private async lookup(transactionId: string): Promise<VerifiedPayment | null> {
    const attempt = await this.payments.findAttempt(transactionId);
    return this.gateway.lookup({ transactionId, gatewayRef: attempt?.gatewayRef ?? null });
  }

  /** `known` is the payment when it is already loaded; otherwise it is looked up by `transactionId` (any of its attempts). */
  private async unverified(transactionId: string | undefined, source: string, reason: string, known?: Payment, warn = true): Promise<Confirmation> {
    if (warn) this.logger.warn({ transactionId, source, reason }, 'payment evidence not verified; nothing changed');
    const payment = known ?? (transactionId ? await this.payments.findByTransactionId(transactionId) : null);
    // The page still tells the truth about a payment settled before (a replay of a spent val_id).
    const message = payment && payment.status !== 'UNPAID' ? confirmation(payment, false).message : 'Payment could not be verified';
    return { outcome: 'UNVERIFIED', payment, verified: false, changed: false, message };
  }
}

const MESSAGES: Record<string, string> = {
  PAID: 'Payment completed successfully',
  FAILED: 'Payment failed',
  CANCELLED: 'Payment cancelled',
  REFUND_PENDING: 'Payment received; a refund of it is under way',
  PARTIALLY_REFUNDED: 'Payment received; part of it was refunded',
  REFUNDED: 'Payment refunded',
  UNPAID: 'Payment not completed',
};

function confirmation(payment: Payment, changed: boolean, message?: string): Confirmation {
  const outcome: ConfirmationOutcome = payment.status === 'UNPAID' ? 'UNVERIFIED' : payment.status === 'FAILED' || payment.status === 'CANCELLED' ? payment.status : 'PAID';
  const text = message ?? (payment.refundDue ? 'Payment received, but the seats were no longer available; a refund is due' : MESSAGES[payment.status]);
  return { outcome, payment, verified: true, changed, message: text };
}
