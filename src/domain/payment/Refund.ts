import { ERROR_CODES } from '../shared/errorCatalogue';
import { Conflict, ValidationFailed } from '../shared/errors';
import type { Money } from '../shared/Money';

/**
 * REQUESTED: reserved on the payment, the gateway not (yet) answered; PENDING: the gateway took
 * it and confirms later; COMPLETED / FAILED: its outcome, once.
 */
export const REFUND_STATES = ['REQUESTED', 'PENDING', 'COMPLETED', 'FAILED'] as const;
export type RefundStatus = (typeof REFUND_STATES)[number];

export const REFUND_REASON_MAX = 500;

export interface RefundProps {
  id: string;
  paymentId: string;
  /** The attempt the money was taken on, and the gateway's id for that money. */
  transactionId: string;
  paymentRef: string;
  gateway: string;
  amount: Money;
  reason: string;
  state: RefundStatus;
  gatewayRefundId: string | null;
  failureReason: string | null;
  /** The caller's `Idempotency-Key` (our id when none was sent): a retry finds this refund. */
  idempotencyKey: string;
  createdAt: Date;
  settledAt: Date | null;
  updatedAt: Date;
}

/** Money given back on one payment, as asked of its gateway. */
export class Refund {
  private constructor(private props: RefundProps) {}

  static request(input: Omit<RefundProps, 'state' | 'gatewayRefundId' | 'failureReason' | 'settledAt' | 'updatedAt' | 'reason'> & { reason: string }): Refund {
    const reason = input.reason.trim();
    if (!reason) throw ValidationFailed.field('reason', 'is required');
    if (reason.length > REFUND_REASON_MAX) throw ValidationFailed.field('reason', `must be at most ${REFUND_REASON_MAX} characters`);
    return new Refund({ ...input, reason, state: 'REQUESTED', gatewayRefundId: null, failureReason: null, settledAt: null, updatedAt: input.createdAt });
  }

  static restore(props: RefundProps): Refund {
    return new Refund({ ...props });
  }

  get id(): string { return this.props.id; }
  get paymentId(): string { return this.props.paymentId; }
  get transactionId(): string { return this.props.transactionId; }
  get paymentRef(): string { return this.props.paymentRef; }
  get gateway(): string { return this.props.gateway; }
  get amount(): Money { return this.props.amount; }
  get reason(): string { return this.props.reason; }
  get state(): RefundStatus { return this.props.state; }
  get gatewayRefundId(): string | null { return this.props.gatewayRefundId; }
  get failureReason(): string | null { return this.props.failureReason; }
  get idempotencyKey(): string { return this.props.idempotencyKey; }
  get createdAt(): Date { return this.props.createdAt; }
  get settledAt(): Date | null { return this.props.settledAt; }

  /** Still waiting for the gateway's final word. */
  get open(): boolean {
    return this.props.state === 'REQUESTED' || this.props.state === 'PENDING';
  }

  toProps(): RefundProps {
    return { ...this.props };
  }

  /** The gateway's answer. False when it changes nothing (the same PENDING again); Conflict when it has its outcome already. */
  apply(outcome: { state: 'COMPLETED' | 'PENDING' | 'FAILED'; gatewayRefundId: string | null; failureReason?: string }, now: Date): boolean {
    if (!this.open) throw new Conflict(`Refund ${this.props.id} is already ${this.props.state}`, ERROR_CODES.REFUND.NOT_PENDING);
    if (outcome.state === 'PENDING' && this.props.state === 'PENDING' && (outcome.gatewayRefundId ?? null) === this.props.gatewayRefundId) return false;
    this.props.state = outcome.state;
    this.props.gatewayRefundId = outcome.gatewayRefundId ?? this.props.gatewayRefundId;
    if (outcome.state === 'FAILED') this.props.failureReason = (outcome.failureReason ?? 'refused by the gateway').slice(0, REFUND_REASON_MAX);
    if (outcome.state !== 'PENDING') this.props.settledAt = now;
    this.props.updatedAt = now;
    return true;
  }
}
