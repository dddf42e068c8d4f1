import { ERROR_CODES } from '../shared/errorCatalogue';
import { Conflict } from '../shared/errors';
import type { VerifiedPayment } from './Payment';

export const ATTEMPT_STATUSES = ['OPEN', 'PAID', 'FAILED', 'CANCELLED'] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];

export interface PaymentAttemptProps {
  /** Our `tran_id` for this checkout: unique, never reused. */
  transactionId: string;
  paymentId: string;
  gateway: string;
  /** The gateway's session for it, once opened. */
  gatewayRef: string | null;
  /** OPEN until the gateway vouches for an outcome of this checkout. */
  status: AttemptStatus;
  valId: string | null;
  /** The gateway's id for the money taken on it (VerifiedPayment.paymentRef): what a refund names. */
  paymentRef: string | null;
  /** When a newer checkout replaced it. It still counts if the gateway took money on it. */
  supersededAt: Date | null;
  settledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * One checkout of a payment at the gateway. A payment keeps every attempt it ever had, so money
 * taken on any of them can be found (by callback, IPN or the reconciler) and applied.
 */
export class PaymentAttempt {
  private constructor(private props: PaymentAttemptProps) {}

  static open(input: { transactionId: string; paymentId: string; gateway: string; now: Date }): PaymentAttempt {
    return new PaymentAttempt({
      ...input, gatewayRef: null, status: 'OPEN', valId: null, paymentRef: null, supersededAt: null, settledAt: null, createdAt: input.now, updatedAt: input.now,
    });
  }

  static restore(props: PaymentAttemptProps): PaymentAttempt {
    return new PaymentAttempt({ ...props });
  }

  get transactionId(): string { return this.props.transactionId; }
  get paymentId(): string { return this.props.paymentId; }
  get gatewayRef(): string | null { return this.props.gatewayRef; }
  get status(): AttemptStatus { return this.props.status; }
  get valId(): string | null { return this.props.valId; }
  get paymentRef(): string | null { return this.props.paymentRef; }
  get supersededAt(): Date | null { return this.props.supersededAt; }
  get createdAt(): Date { return this.props.createdAt; }

  /** The gateway already vouched for an outcome: a callback for it again is a replay. */
  get hasVerdict(): boolean {
    return this.props.status !== 'OPEN';
  }

  toProps(): PaymentAttemptProps {
    return { ...this.props };
  }

  /** Records the one outcome the gateway vouched for on this checkout. */
  record(verified: VerifiedPayment, now: Date): void {
    if (verified.transactionId !== this.props.transactionId) {
      throw new Conflict('The gateway confirmed another transaction', ERROR_CODES.PAYMENT.TRANSACTION_MISMATCH);
    }
    if (this.hasVerdict) throw new Conflict(`Attempt ${this.props.transactionId} is already ${this.props.status}`, ERROR_CODES.PAYMENT.ATTEMPT_SETTLED);
    this.props.status = verified.status;
    this.props.valId = verified.valId;
    this.props.paymentRef = verified.paymentRef || null;
    this.props.settledAt = now;
    this.props.updatedAt = now;
  }
}
