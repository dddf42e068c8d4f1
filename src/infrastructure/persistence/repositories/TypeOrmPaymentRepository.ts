import { IsNull } from 'typeorm';
import type { CreatedBetween, PaymentEvent, PaymentRepository } from '../../../application/ports/PaymentRepository';
import type { LockOption } from '../../../application/ports/UnitOfWork';
import type { PaymentStatus } from '../../../domain/payment/Payment';
import { Payment } from '../../../domain/payment/Payment';
import type { AttemptStatus} from '../../../domain/payment/PaymentAttempt';
import { PaymentAttempt } from '../../../domain/payment/PaymentAttempt';
import { Money } from '../../../domain/shared/Money';
import type { Database} from '../Database';
import { affectedRows } from '../Database';
import type { PaymentAttemptRow, PaymentRow } from '../entities/PaymentEntity';
import { PaymentAttemptEntity, PaymentEntity, PaymentEventEntity } from '../entities/PaymentEntity';
import { toDate } from '../rowValues';
import { createdWithin } from './createdWithin';

export class TypeOrmPaymentRepository implements PaymentRepository {
  constructor(private readonly db: Database) {}

  private get repo() {
    return this.db.manager().getRepository(PaymentEntity);
  }

  private get attempts() {
    return this.db.manager().getRepository(PaymentAttemptEntity);
  }

  private get eventRepo() {
    return this.db.manager().getRepository(PaymentEventEntity);
  }

  async create(payment: Payment): Promise<void> {
    await this.repo.insert(toRow(payment));
    await this.attempts.insert(firstAttempt(payment));
  }

  async findById(id: string, options: LockOption = {}): Promise<Payment | null> {
    return toDomain(await this.db.locking(this.repo.createQueryBuilder('p').where('p.id = :id', { id }), options).getOne());
  }

  async findByBookingId(bookingId: string): Promise<Payment | null> {
    return toDomain(await this.repo.findOneBy({ bookingId }));
  }

  async findByTransactionId(transactionId: string): Promise<Payment | null> {
    const row = await this.repo.createQueryBuilder('p')
      .innerJoin('payment_attempts', 'a', 'a.paymentId = p.id')
      .where('a.transactionId = :transactionId', { transactionId })
      .getOne();
    return toDomain(row);
  }

  async findAttempt(transactionId: string, options: LockOption = {}): Promise<PaymentAttempt | null> {
    const row = await this.db.locking(this.attempts.createQueryBuilder('a').where('a.transactionId = :transactionId', { transactionId }), options).getOne();
    return row ? attemptToDomain(row) : null;
  }

  async replaceAttempt(payment: Payment, previousTransactionId: string, now: Date): Promise<boolean> {
    const moved = await this.repo.update(
      { id: payment.id, status: 'UNPAID', transactionId: previousTransactionId },
      { transactionId: payment.transactionId, gatewayRef: null, updatedAt: now },
    );
    if (affectedRows(moved) !== 1) return false;
    await this.attempts.update({ transactionId: previousTransactionId, supersededAt: IsNull() }, { supersededAt: now, updatedAt: now });
    await this.attempts.insert(firstAttempt(payment));
    return true;
  }

  async attachSession(transactionId: string, gatewayRef: string, now: Date): Promise<void> {
    await this.attempts.update({ transactionId }, { gatewayRef, updatedAt: now });
    // Only the session column: a confirmation may have moved the payment meanwhile.
    await this.repo.update({ transactionId }, { gatewayRef });
  }

  async saveTransition(payment: Payment, expected: PaymentStatus): Promise<boolean> {
    const { id, ...changes } = toRow(payment);
    const result = await this.repo.update({ id, status: expected }, changes);
    return affectedRows(result) === 1;
  }

  async recordVerdict(attempt: PaymentAttempt): Promise<boolean> {
    const { transactionId, status, valId, paymentRef, settledAt, updatedAt } = attempt.toProps();
    const result = await this.attempts.update({ transactionId, status: 'OPEN' }, { status, valId, paymentRef, settledAt, updatedAt });
    return affectedRows(result) === 1;
  }

  async openAttempts(query: { windows: CreatedBetween[]; limit: number }): Promise<PaymentAttempt[]> {
    if (!query.windows.length) return [];
    const rows = await this.attempts.createQueryBuilder('a')
      .where("a.status = 'OPEN'")
      .andWhere(createdWithin(query.windows, 'a'))
      .orderBy('a.createdAt', 'DESC')
      .addOrderBy('a.transactionId', 'DESC')
      .limit(query.limit)
      .getMany();
    return rows.map(attemptToDomain);
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
  const { amount, refunded, refundPending, ...rest } = payment.toProps();
  return { ...rest, amount: amount.minor, currency: amount.currency, refundedAmount: refunded.minor, refundPendingAmount: refundPending.minor };
}

/** The attempt a payment opens with, or moves to: its current transaction id. */
function firstAttempt(payment: Payment): PaymentAttemptRow {
  return PaymentAttempt.open({ transactionId: payment.transactionId, paymentId: payment.id, gateway: payment.gateway, now: payment.updatedAt }).toProps();
}

function toDomain(row: PaymentRow | null): Payment | null {
  if (!row) return null;
  const { refundedAmount, refundPendingAmount, ...rest } = row;
  return Payment.restore({
    ...rest,
    amount: Money.ofMinor(Number(row.amount), row.currency),
    refunded: Money.ofMinor(Number(refundedAmount ?? 0), row.currency),
    refundPending: Money.ofMinor(Number(refundPendingAmount ?? 0), row.currency),
    status: row.status as PaymentStatus,
    refundDue: Boolean(row.refundDue),
    paidAt: toDate(row.paidAt),
    confirmationSentAt: toDate(row.confirmationSentAt),
    createdAt: toDate(row.createdAt)!,
    updatedAt: toDate(row.updatedAt)!,
  });
}

function attemptToDomain(row: PaymentAttemptRow): PaymentAttempt {
  return PaymentAttempt.restore({
    ...row,
    status: row.status as AttemptStatus,
    supersededAt: toDate(row.supersededAt),
    settledAt: toDate(row.settledAt),
    createdAt: toDate(row.createdAt)!,
    updatedAt: toDate(row.updatedAt)!,
  });
}
