import type { CreatedBetween } from '../../src/application/ports/PaymentRepository';
import type { RefundRepository } from '../../src/application/ports/RefundRepository';
import type { LockOption } from '../../src/application/ports/UnitOfWork';
import type { RefundProps, RefundStatus } from '../../src/domain/payment/Refund';
import { Refund } from '../../src/domain/payment/Refund';
import { TransactionalTable } from './TransactionalTable';

/** Refunds in a table that locks and rolls back like the real one; the idempotency key is unique. */
export class InMemoryRefundRepository implements RefundRepository {
  private readonly rows = new TransactionalTable<RefundProps>();

  async create(refund: Refund): Promise<Refund | null> {
    const props = refund.toProps();
    const clash = await this.rows.setUnique(props.id, props, (r) => r.idempotencyKey === props.idempotencyKey);
    return clash ? Refund.restore(clash) : null;
  }

  async findById(id: string, options: LockOption = {}): Promise<Refund | null> {
    const row = options.forUpdate ? await this.rows.lock(id) : this.rows.get(id);
    return row ? Refund.restore(row) : null;
  }

  async findByIdempotencyKey(key: string, options: LockOption = {}): Promise<Refund | null> {
    const found = this.rows.find((r) => r.idempotencyKey === key);
    return found ? this.findById(found.id, options) : null;
  }

  async saveOutcome(refund: Refund, expected: RefundStatus): Promise<boolean> {
    return this.rows.change(refund.id, (row) => (row.state === expected ? refund.toProps() : null));
  }

  async ofPayment(paymentId: string): Promise<Refund[]> {
    return this.rows.values().filter((r) => r.paymentId === paymentId).map((r) => Refund.restore(r));
  }

  async openRefunds(query: { windows: CreatedBetween[]; limit: number }): Promise<Refund[]> {
    const created = (r: { createdAt: Date }) => query.windows.some(({ from, to }) => r.createdAt >= from && r.createdAt <= to);
    return this.rows.values()
      .filter((r) => (r.state === 'REQUESTED' || r.state === 'PENDING') && created(r))
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id))
      .slice(0, query.limit)
      .map((r) => Refund.restore(r));
  }
}
