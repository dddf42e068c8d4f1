import { Conflict } from '../shared/errors';
import { Money } from '../shared/Money';

export const PAYMENT_STATUSES = ['UNPAID', 'PAID', 'FAILED', 'CANCELLED', 'REFUNDED'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

const NEXT: Record<PaymentStatus, readonly PaymentStatus[]> = {
  UNPAID: ['PAID', 'FAILED', 'CANCELLED'],
  PAID: ['REFUNDED'],
  FAILED: [],
  CANCELLED: [],
  REFUNDED: [],
};

/** What the gateway vouched for, through its own channel (signature or validation API). */
export interface VerifiedPayment {
  transactionId: string;
  amount: Money;
  status: 'PAID' | 'FAILED' | 'CANCELLED';
  valId: string;
}

export interface PaymentProps {
  id: string;
  bookingId: string;
  /** Our id for the gateway (`tran_id`); a new session gets a new one. */
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

  /** The gateway must vouch for exactly what we asked: our transaction, our amount, our currency. */
  assertMatches(verified: VerifiedPayment): void {
    if (verified.transactionId !== this.props.transactionId) {
      throw new Conflict('The gateway confirmed another transaction', 'PAYMENT.TRANSACTION_MISMATCH');
    }
    if (!verified.amount.equals(this.props.amount)) {
      throw new Conflict(`The gateway confirmed ${verified.amount.format()}, we asked for ${this.props.amount.format()}`, 'PAYMENT.AMOUNT_MISMATCH');
    }
  }

  /** A new gateway session: only while nothing was paid yet. */
  restartSession(transactionId: string, gatewayRef: string | null, now: Date): void {
    if (this.props.status !== 'UNPAID') throw new Conflict(`A ${this.props.status} payment cannot start a new session`, 'PAYMENT.NOT_UNPAID');
    this.props.transactionId = transactionId;
    this.props.gatewayRef = gatewayRef;
    this.props.updatedAt = now;
  }

  attachSession(gatewayRef: string, now: Date): void {
    this.props.gatewayRef = gatewayRef;
    this.props.updatedAt = now;
  }

  /** Applies what the gateway vouched for. */
  settle(verified: VerifiedPayment, now: Date): void {
    this.assertMatches(verified);
    this.moveTo(verified.status, now);
    this.props.valId = verified.valId;
    if (verified.status === 'PAID') this.props.paidAt = now;
  }

  flagRefundDue(now: Date): void {
    if (this.props.status !== 'PAID') throw new Conflict('Only a paid payment can be owed back', 'PAYMENT.NOT_PAID');
    this.props.refundDue = true;
    this.props.updatedAt = now;
  }

  refund(now: Date): void {
    this.moveTo('REFUNDED', now);
    this.props.refundDue = false;
  }

  private moveTo(status: PaymentStatus, now: Date): void {
    if (!Payment.canMove(this.props.status, status)) {
      throw new Conflict(`A ${this.props.status} payment cannot become ${status}`, 'PAYMENT.INVALID_TRANSITION');
    }
    this.props.status = status;
    this.props.updatedAt = now;
  }
}
