import { IsNull } from 'typeorm';
import { PaymentEvent, PaymentRepository } from '../../../application/ports/PaymentRepository';
import { Payment, PaymentStatus } from '../../../domain/payment/Payment';
import { Money } from '../../../domain/shared/Money';
import { Database, affectedRows } from '../Database';
import { PaymentEntity, PaymentEventEntity, PaymentRow } from '../entities/PaymentEntity';
import { toDate } from '../rowValues';

export class TypeOrmPaymentRepository implements PaymentRepository {
  constructor(private readonly db: Database) {}

  private get repo() {
    return this.db.manager().getRepository(PaymentEntity);
  }

  private get eventRepo() {
    return this.db.manager().getRepository(PaymentEventEntity);
  }

  async create(payment: Payment): Promise<void> {
    await this.repo.insert(toRow(payment));
  }

  async findById(id: string): Promise<Payment | null> {
    return toDomain(await this.repo.findOneBy({ id }));
  }

  async findByBookingId(bookingId: string): Promise<Payment | null> {
    return toDomain(await this.repo.findOneBy({ bookingId }));
  }

  async findByTransactionId(transactionId: string): Promise<Payment | null> {
    return toDomain(await this.repo.findOneBy({ transactionId }));
  }

  async save(payment: Payment): Promise<void> {
    const { id, ...changes } = toRow(payment);
    await this.repo.update({ id }, changes);
  }

  async saveTransition(payment: Payment, expected: PaymentStatus): Promise<boolean> {
    const { id, ...changes } = toRow(payment);
    const result = await this.repo.update({ id, status: expected }, changes);
    return affectedRows(result) === 1;
  }

  async markConfirmationSent(paymentId: string, now: Date): Promise<boolean> {
    const result = await this.repo.update({ id: paymentId, confirmationSentAt: IsNull() }, { confirmationSentAt: now });
    return affectedRows(result) === 1;
  }

  async recordEvent(event: PaymentEvent): Promise<void> {
    await this.eventRepo.insert({ ...event, detail: JSON.stringify(event.detail) });
  }

  async events(paymentId: string): Promise<PaymentEvent[]> {
    const rows = await this.eventRepo.find({ where: { paymentId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map((r) => ({ ...r, detail: r.detail ? JSON.parse(r.detail) : {}, createdAt: toDate(r.createdAt)! }));
  }
}

function toRow(payment: Payment): PaymentRow {
  const { amount, ...rest } = payment.toProps();
  return { ...rest, amount: amount.minor, currency: amount.currency };
}

function toDomain(row: PaymentRow | null): Payment | null {
  if (!row) return null;
  return Payment.restore({
    ...row,
    amount: Money.ofMinor(Number(row.amount), row.currency),
    status: row.status as PaymentStatus,
    refundDue: Boolean(row.refundDue),
    paidAt: toDate(row.paidAt),
    confirmationSentAt: toDate(row.confirmationSentAt),
    createdAt: toDate(row.createdAt)!,
    updatedAt: toDate(row.updatedAt)!,
  });
}
