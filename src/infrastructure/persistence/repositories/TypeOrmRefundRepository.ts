import type { CreatedBetween } from '../../../application/ports/PaymentRepository';
import type { RefundRepository } from '../../../application/ports/RefundRepository';
import type { LockOption } from '../../../application/ports/UnitOfWork';
import type { RefundStatus } from '../../../domain/payment/Refund';
import { Refund } from '../../../domain/payment/Refund';
import { Money } from '../../../domain/shared/Money';
import type { Database } from '../Database';
import { affectedRows } from '../Database';
import type { RefundRow } from '../entities/RefundEntity';
import { RefundEntity } from '../entities/RefundEntity';
import { toDate } from '../rowValues';
import { createdWithin } from './createdWithin';

export class TypeOrmRefundRepository implements RefundRepository {
  constructor(private readonly db: Database) {}

  private get repo() {
    return this.db.manager().getRepository(RefundEntity);
  }

  async create(refund: Refund): Promise<Refund | null> {
    const row = toRow(refund);
    // Read first, so a retry inside a transaction never trips over the unique index (which would abort it on some drivers).
    const existing = await this.findByIdempotencyKey(row.idempotencyKey);
    if (existing) return existing;
    await this.repo.insert(row);
    return null;
  }

  async findById(id: string, options: LockOption = {}): Promise<Refund | null> {
    return toDomain(await this.db.locking(this.repo.createQueryBuilder('r').where('r.id = :id', { id }), options).getOne());
  }

  async findByIdempotencyKey(key: string, options: LockOption = {}): Promise<Refund | null> {
    return toDomain(await this.db.locking(this.repo.createQueryBuilder('r').where('r.idempotencyKey = :key', { key }), options).getOne());
  }

  async saveOutcome(refund: Refund, expected: RefundStatus): Promise<boolean> {
    const { id, ...changes } = toRow(refund);
    return affectedRows(await this.repo.update({ id, state: expected }, changes)) === 1;
  }

  async ofPayment(paymentId: string): Promise<Refund[]> {
    const rows = await this.repo.find({ where: { paymentId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map((r) => toDomain(r)!);
  }

  async openRefunds(query: { windows: CreatedBetween[]; limit: number }): Promise<Refund[]> {
    if (!query.windows.length) return [];
    const rows = await this.repo.createQueryBuilder('r')
      .where("r.state IN ('REQUESTED', 'PENDING')")
      .andWhere(createdWithin(query.windows, 'r'))
      .orderBy('r.createdAt', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(query.limit)
      .getMany();
    return rows.map((r) => toDomain(r)!);
  }
}

function toRow(refund: Refund): RefundRow {
  const { amount, ...rest } = refund.toProps();
  return { ...rest, amount: amount.minor, currency: amount.currency };
}

function toDomain(row: RefundRow | null): Refund | null {
  if (!row) return null;
  const { currency, ...rest } = row;
  return Refund.restore({
    ...rest,
    amount: Money.ofMinor(Number(row.amount), currency),
    state: row.state as RefundStatus,
    createdAt: toDate(row.createdAt)!,
    settledAt: toDate(row.settledAt),
    updatedAt: toDate(row.updatedAt)!,
  });
}
