import type { Refund, RefundStatus } from '../../domain/payment/Refund';
import type { CreatedBetween } from './PaymentRepository';
import type { LockOption } from './UnitOfWork';

export interface RefundRepository {
  /** Inserts the refund; when its idempotency key is taken, writes nothing and answers the refund that has it. */
  create(refund: Refund): Promise<Refund | null>;
  findById(id: string, options?: LockOption): Promise<Refund | null>;
  findByIdempotencyKey(key: string, options?: LockOption): Promise<Refund | null>;
  /** Saves the refund's outcome only while it is still `expected`; false when something else settled it first. */
  saveOutcome(refund: Refund, expected: RefundStatus): Promise<boolean>;
  ofPayment(paymentId: string): Promise<Refund[]>;
  /** REQUESTED and PENDING refunds created within any of `windows` (both ends included), newest first: what the reconciler asks the gateway about. */
  openRefunds(query: { windows: CreatedBetween[]; limit: number }): Promise<Refund[]>;
}
