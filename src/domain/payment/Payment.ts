import { ERROR_CODES } from '../shared/errorCatalogue';
import { Conflict } from '../shared/errors';
import type { Money } from '../shared/Money';

export const PAYMENT_STATUSES = ['UNPAID', 'PAID', 'FAILED', 'CANCELLED', 'REFUNDED'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/**
 * FAILED and CANCELLED are final for what the traveller chose, not for money: a success the
 * gateway vouches for on another attempt of the payment still makes it PAID (see `receive`).
 */
const NEXT: Record<PaymentStatus, readonly PaymentStatus[]> = {
  UNPAID: ['PAID', 'FAILED', 'CANCELLED'],
  PAID: ['REFUNDED'],
  FAILED: ['PAID'],
  CANCELLED: ['PAID'],
  REFUNDED: [],
};

/** What the gateway vouched for, through its own channel (signature or validation API). */
export interface VerifiedPayment {
  transactionId: string;
  amount: Money;
  status: 'PAID' | 'FAILED' | 'CANCELLED';
  valId: string;
  /** The gateway's own id for the money taken: what a refund names. SSLCommerz bank_tran_id,
   *  Stripe payment_intent id, PayPal capture id, sandbox session id. '' when nothing was taken. */
  paymentRef: string;
}

/**
 * What a gateway verdict on one of the payment's attempts did to it:
 * SETTLED: the payment took the verdict (UNPAID → PAID | FAILED | CANCELLED, or money arriving
 * on an attempt of a FAILED or CANCELLED payment → PAID);
 * PAID_AGAIN: money arrived on a second attempt of a paid payment: it stays PAID, a refund is due;
 * ATTEMPT_ONLY: a failure or cancellation on an attempt that no longer decides the payment.
 */
export type Receipt = 'SETTLED' | 'PAID_AGAIN' | 'ATTEMPT_ONLY';

export interface PaymentProps {
  id: string;
  bookingId: string;
  /**
   * Our id for the gateway (`tran_id`): the latest attempt's, or the attempt that paid. Every
   * attempt the payment ever had is kept (see `PaymentAttempt`); a new session gets a new one.
   */
  transactionId: string;
  amount: Money;
  status: PaymentStatus;
  gateway: string;
  gatewayRef: string | null;
  valId: string | null;
  /** Money arrived for a booking we could not honour: an admin owes a refund. */
  refundDue: boolean;
  paidAt: Date | null;
  confirmationSentAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export class Payment {
  private constructor(private props: PaymentProps) {}

  static open(input: { id: string; bookingId: string; transactionId: string; amount: Money; gateway: string; now: Date }): Payment {
    return new Payment({
      id: input.id,
      bookingId: input.bookingId,
      transactionId: input.transactionId,
      amount: input.amount,
      status: 'UNPAID',
      gateway: input.gateway,
      gatewayRef: null,
      valId: null,
      refundDue: false,
      paidAt: null,
      confirmationSentAt: null,
      createdAt: input.now,
      updatedAt: input.now,
    });
  }

  static restore(props: PaymentProps): Payment {
    return new Payment({ ...props });
  }

  static canMove(from: PaymentStatus, to: PaymentStatus): boolean {
    return NEXT[from].includes(to);
  }

  get id(): string { return this.props.id; }
  get bookingId(): string { return this.props.bookingId; }
  get transactionId(): string { return this.props.transactionId; }
  get amount(): Money { return this.props.amount; }
  get status(): PaymentStatus { return this.props.status; }
  get gateway(): string { return this.props.gateway; }
  get gatewayRef(): string | null { return this.props.gatewayRef; }
  get valId(): string | null { return this.props.valId; }
  get refundDue(): boolean { return this.props.refundDue; }
  get paidAt(): Date | null { return this.props.paidAt; }
  get confirmationSentAt(): Date | null { return this.props.confirmationSentAt; }
  get createdAt(): Date { return this.props.createdAt; }
  get updatedAt(): Date { return this.props.updatedAt; }

  toProps(): PaymentProps {
    return { ...this.props };
  }

  /** The gateway must vouch for exactly the amount and currency we asked for. */
  assertMatches(verified: VerifiedPayment): void {
    if (!verified.amount.equals(this.props.amount)) {
      throw new Conflict(`The gateway confirmed ${verified.amount.format()}, we asked for ${this.props.amount.format()}`, ERROR_CODES.PAYMENT.AMOUNT_MISMATCH);
    }
  }

  /** A new gateway session (a new attempt): only while nothing was paid yet. */
  restartSession(transactionId: string, now: Date): void {
    if (this.props.status !== 'UNPAID') throw new Conflict(`A ${this.props.status} payment cannot start a new session`, ERROR_CODES.PAYMENT.NOT_UNPAID);
    this.props.transactionId = transactionId;
    this.props.gatewayRef = null;
    this.props.updatedAt = now;
  }

  /**
   * Applies a verdict the gateway vouched for on one of this payment's attempts
   * (`verified.transactionId`; the caller found the attempt). Money is never refused: a success on
   * any attempt makes the payment PAID, or, when it already is, flags the second payment for refund.
   * A failure or cancellation decides the payment only on its current attempt while it is UNPAID.
   */
  receive(verified: VerifiedPayment, now: Date): Receipt {
    this.assertMatches(verified);
    if (verified.status === 'PAID') {
      if (this.props.status === 'PAID' || this.props.status === 'REFUNDED') {
        this.props.refundDue = true;
        this.props.updatedAt = now;
        return 'PAID_AGAIN';
      }
      this.moveTo('PAID', now);
      this.props.paidAt = now;
    } else if (this.props.status === 'UNPAID' && verified.transactionId === this.props.transactionId) {
      this.moveTo(verified.status, now);
    } else {
      return 'ATTEMPT_ONLY';
    }
    this.props.transactionId = verified.transactionId;
    this.props.valId = verified.valId;
    return 'SETTLED';
  }

  flagRefundDue(now: Date): void {
    if (this.props.status !== 'PAID' && this.props.status !== 'REFUNDED') throw new Conflict('Only a paid payment can be owed back', ERROR_CODES.PAYMENT.NOT_PAID);
    this.props.refundDue = true;
    this.props.updatedAt = now;
  }

  refund(now: Date): void {
    this.moveTo('REFUNDED', now);
    this.props.refundDue = false;
  }

  private moveTo(status: PaymentStatus, now: Date): void {
    if (!Payment.canMove(this.props.status, status)) {
      throw new Conflict(`A ${this.props.status} payment cannot become ${status}`, ERROR_CODES.PAYMENT.INVALID_TRANSITION);
    }
    this.props.status = status;
    this.props.updatedAt = now;
  }
}
