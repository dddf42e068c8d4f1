import { ERROR_CODES } from '../shared/errorCatalogue';
import { Conflict, ValidationFailed } from '../shared/errors';
import { Money } from '../shared/Money';

export const PAYMENT_STATUSES = ['UNPAID', 'PAID', 'FAILED', 'CANCELLED', 'REFUND_PENDING', 'PARTIALLY_REFUNDED', 'REFUNDED'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/**
 * FAILED and CANCELLED are final for what the traveller chose, not for money: a success the
 * gateway vouches for on another attempt of the payment still makes it PAID (see `receive`).
 */
const NEXT: Record<PaymentStatus, readonly PaymentStatus[]> = {
  UNPAID: ['PAID', 'FAILED', 'CANCELLED'],
  PAID: ['REFUND_PENDING'],
  FAILED: ['PAID'],
  CANCELLED: ['PAID'],
  REFUND_PENDING: ['PAID', 'PARTIALLY_REFUNDED', 'REFUNDED'],
  PARTIALLY_REFUNDED: ['REFUND_PENDING'],
  REFUNDED: [],
};

/** Money was taken on the payment: the states a refund starts from or passes through. */
const HOLDS_MONEY: readonly PaymentStatus[] = ['PAID', 'REFUND_PENDING', 'PARTIALLY_REFUNDED', 'REFUNDED'];

/** The gateway took money on the payment (some of it may have been given back since). */
export function tookMoney(status: string): boolean {
  return (HOLDS_MONEY as readonly string[]).includes(status);
}

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
  /** Given back, as the gateway confirmed it. Never more than `amount`, with `refundPending`. */
  refunded: Money;
  /** Asked of the gateway and not yet confirmed or refused: reserved so two refunds never give back more than was paid. */
  refundPending: Money;
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
      refunded: Money.ofMinor(0, input.amount.currency),
      refundPending: Money.ofMinor(0, input.amount.currency),
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
  get refunded(): Money { return this.props.refunded; }
  get refundPending(): Money { return this.props.refundPending; }
  /** What may still be given back: paid, less what was refunded or is being refunded. */
  get refundable(): Money {
    if (!HOLDS_MONEY.includes(this.props.status)) return Money.ofMinor(0, this.props.amount.currency);
    return Money.ofMinor(this.props.amount.minor - this.props.refunded.minor - this.props.refundPending.minor, this.props.amount.currency);
  }
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
      if (HOLDS_MONEY.includes(this.props.status)) {
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
    if (!HOLDS_MONEY.includes(this.props.status)) throw new Conflict('Only a paid payment can be owed back', ERROR_CODES.PAYMENT.NOT_PAID);
    this.props.refundDue = true;
    this.props.updatedAt = now;
  }

  /**
   * Reserves `amount` for a refund the gateway is about to be asked for: REFUND_PENDING until it
   * answers. Conflict when nothing was paid, everything is already given back, or `amount` is
   * more than what is left.
   */
  startRefund(amount: Money, now: Date): void {
    if (!HOLDS_MONEY.includes(this.props.status)) throw new Conflict(`A ${this.props.status} payment has nothing to refund`, ERROR_CODES.REFUND.PAYMENT_NOT_PAID);
    const left = this.refundable;
    if (left.minor === 0) throw new Conflict('This payment is already refunded in full, or a refund of the rest is under way', ERROR_CODES.REFUND.ALREADY_REFUNDED);
    if (amount.currency !== this.props.amount.currency) throw ValidationFailed.field('amount', `must be in ${this.props.amount.currency}`);
    if (amount.minor <= 0) throw ValidationFailed.field('amount', 'must be more than zero');
    if (amount.minor > left.minor) throw new Conflict(`At most ${left.format()} can still be refunded`, ERROR_CODES.REFUND.EXCEEDS_PAID);
    this.props.refundPending = Money.ofMinor(this.props.refundPending.minor + amount.minor, amount.currency);
    this.settleRefundStatus(now);
  }

  /** The gateway gave `amount` (reserved by startRefund) back. A payment owed back (`refundDue`) is settled by it. */
  completeRefund(amount: Money, now: Date): void {
    this.releaseReserved(amount);
    this.props.refunded = Money.ofMinor(this.props.refunded.minor + amount.minor, amount.currency);
    this.props.refundDue = false;
    this.settleRefundStatus(now);
  }

  /** The gateway refused the refund of `amount`: it may be asked again. */
  failRefund(amount: Money, now: Date): void {
    this.releaseReserved(amount);
    this.settleRefundStatus(now);
  }

  /** Every paid poisha is given back. */
  get fullyRefunded(): boolean {
    return this.props.refunded.minor === this.props.amount.minor && this.props.amount.minor > 0;
  }

  private releaseReserved(amount: Money): void {
    if (amount.minor > this.props.refundPending.minor) throw new Conflict('No refund of that amount is under way', ERROR_CODES.REFUND.NOT_PENDING);
    this.props.refundPending = Money.ofMinor(this.props.refundPending.minor - amount.minor, amount.currency);
  }

  /** The status follows the amounts: pending while any refund is unanswered, then partial or full. */
  private settleRefundStatus(now: Date): void {
    const { refunded, refundPending, amount } = this.props;
    this.props.status = refundPending.minor > 0 ? 'REFUND_PENDING' : refunded.minor === 0 ? 'PAID' : refunded.minor >= amount.minor ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
    this.props.updatedAt = now;
  }

  private moveTo(status: PaymentStatus, now: Date): void {
    if (!Payment.canMove(this.props.status, status)) {
      throw new Conflict(`A ${this.props.status} payment cannot become ${status}`, ERROR_CODES.PAYMENT.INVALID_TRANSITION);
    }
    this.props.status = status;
    this.props.updatedAt = now;
  }
}
