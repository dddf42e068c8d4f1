import type { PaymentSettlement } from '../payments/PaymentSettlement';
import type { RefundSettlement } from '../payments/RefundSettlement';
import type { GatewayEvent } from '../ports/PaymentGateway';
import type { UnitOfWork } from '../ports/UnitOfWork';

/** How applying one event went: null when it is applied (or changed nothing, being stale), else why not. */
export type Applied = { error: string | null };

/**
 * Applies a verified webhook event to our records, by their current state: a payment through
 * PaymentSettlement (an attempt that already has its verdict is a replay and changes nothing, so a
 * payment notice after a refund never moves the payment back), a refund through RefundSettlement
 * (a refund with its outcome already is left alone). An event naming nothing we know is an error
 * kept in the inbox for a replay (a refund made outside TourDesk, a notice ahead of our record).
 */
export class ApplyGatewayEvent {
  constructor(private readonly payments: PaymentSettlement, private readonly refunds: RefundSettlement, private readonly uow: UnitOfWork) {}

  async execute(event: GatewayEvent): Promise<Applied> {
    if (event.kind === 'payment') {
      const settled = await this.uow.run(() => this.payments.settle(event.verified, 'webhook'));
      if (settled.kind === 'unknown') return { error: `no payment has transaction ${event.verified.transactionId}` };
      return { error: settled.kind === 'mismatch' ? settled.reason : null };
    }
    if (event.kind === 'refund') {
      const applied = await this.uow.run(() => this.refunds.apply(event.outcome.refundId, event.outcome, 'webhook'));
      return { error: applied ? null : `no refund ${event.outcome.refundId} is recorded (yet)` };
    }
    return { error: null };
  }
}
