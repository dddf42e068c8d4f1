import type { Payment } from '../../domain/payment/Payment';
import { Refund } from '../../domain/payment/Refund';
import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { Conflict, NotFound } from '../../domain/shared/errors';
import { Money } from '../../domain/shared/Money';
import type { Clock } from '../ports/Clock';
import type { IdGenerator } from '../ports/IdGenerator';
import type { Logger } from '../ports/Logger';
import type { PaymentRepository } from '../ports/PaymentRepository';
import type { RefundRepository } from '../ports/RefundRepository';
import type { UnitOfWork } from '../ports/UnitOfWork';
import type { RefundSettlement } from './RefundSettlement';

export interface RefundInput {
  paymentId: string;
  /** Major units, as the API carries money; null refunds all that is left. */
  amount: number | null;
  reason: string;
  /** A retry with the same key answers the first refund instead of making another. */
  idempotencyKey: string | null;
  source: 'api' | 'admin';
}

export interface RefundResult {
  refund: Refund;
  payment: Payment;
  /** The key named a refund made before: this is its answer. */
  replayed: boolean;
}

/**
 * Gives money back through the payment's gateway. The amount is reserved on the payment first
 * (REFUND_PENDING, under the locks, so two refunds never give back more than was paid), the
 * gateway is asked outside any transaction, idempotently on our refund id, and its answer is
 * recorded by RefundSettlement. If the gateway does not answer, or we crash before recording it,
 * the refund stays REQUESTED: a retry with the same key, or the reconciler, asks again and the
 * gateway refunds once.
 */
export class RefundPayment {
  constructor(
    private readonly payments: PaymentRepository,
    private readonly refunds: RefundRepository,
    private readonly settlement: RefundSettlement,
    private readonly gatewayName: string,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
    private readonly logger: Logger,
  ) {}

  async execute(input: RefundInput): Promise<RefundResult> {
    const reserved = await this.uow.run(() => this.reserve(input));
    if (reserved.refund.state !== 'REQUESTED') return reserved;
    const outcome = await this.settlement.ask(reserved.refund);
    const applied = await this.uow.run(() => this.settlement.apply(reserved.refund.id, outcome, input.source));
    const { refund, payment } = applied!;
    this.logger.info({ paymentId: payment.id, refundId: refund.id, state: refund.state, amount: refund.amount.minor, source: input.source }, 'refund asked of the gateway');
    return { refund, payment, replayed: reserved.replayed };
  }

  private async reserve(input: RefundInput): Promise<RefundResult> {
    const held = await this.settlement.lockPayment(input.paymentId);
    if (!held) throw NotFound.of('Payment', ERROR_CODES.PAYMENT.NOT_FOUND);
    const { payment } = held;
    const amount = input.amount === null ? null : Money.fromMajor(input.amount, payment.amount.currency);
    if (input.idempotencyKey) {
      const first = await this.refunds.findByIdempotencyKey(input.idempotencyKey, { forUpdate: true });
      if (first && (first.paymentId !== payment.id || (amount !== null && !amount.equals(first.amount)))) {
        throw new Conflict('This Idempotency-Key was used for another refund', ERROR_CODES.REFUND.IDEMPOTENCY_KEY_REUSED);
      }
      if (first) return { refund: first, payment, replayed: true };
    }
    if (payment.gateway !== this.gatewayName) {
      throw new Conflict(`This payment was taken through ${payment.gateway}, which is not the configured gateway`, ERROR_CODES.REFUND.OTHER_GATEWAY);
    }
    const now = this.clock.now();
    const id = this.ids.next();
    const attempt = await this.payments.findAttempt(payment.transactionId);
    const refund = Refund.request({
      id, paymentId: payment.id, transactionId: payment.transactionId, paymentRef: attempt?.paymentRef ?? '', gateway: payment.gateway,
      amount: amount ?? payment.refundable, reason: input.reason, idempotencyKey: input.idempotencyKey ?? id, createdAt: now,
    });
    const from = payment.status;
    payment.startRefund(refund.amount, now);
    if (await this.refunds.create(refund)) throw new Conflict('Another refund with this Idempotency-Key is being made; retry', ERROR_CODES.PAYMENT.CHANGED_CONCURRENTLY);
    if (!(await this.payments.saveTransition(payment, from))) throw new Conflict('The payment changed meanwhile; retry', ERROR_CODES.PAYMENT.CHANGED_CONCURRENTLY);
    await this.payments.recordEvent({
      id: this.ids.next(), paymentId: payment.id, bookingId: payment.bookingId, type: 'REFUND_REQUESTED', fromStatus: from, toStatus: payment.status,
      detail: { source: input.source, refundId: refund.id, amount: refund.amount.minor, reason: refund.reason }, createdAt: now,
    });
    return { refund, payment, replayed: false };
  }
}
