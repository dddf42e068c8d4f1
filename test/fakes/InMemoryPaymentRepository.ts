import type { CreatedBetween, PaymentEvent, PaymentRepository } from '../../src/application/ports/PaymentRepository';
import type { LockOption } from '../../src/application/ports/UnitOfWork';
import type { PaymentProps, PaymentStatus } from '../../src/domain/payment/Payment';
import { Payment } from '../../src/domain/payment/Payment';
import type { PaymentAttemptProps } from '../../src/domain/payment/PaymentAttempt';
import { PaymentAttempt } from '../../src/domain/payment/PaymentAttempt';
import { TransactionalTable } from './TransactionalTable';

/** Payments and every attempt they had, as plain props in tables that lock and roll back like the real ones. */
export class InMemoryPaymentRepository implements PaymentRepository {
  private readonly rows = new TransactionalTable<PaymentProps>();
  private readonly attempts = new TransactionalTable<PaymentAttemptProps>();
  private readonly eventLog = new TransactionalTable<PaymentEvent>();

  async create(payment: Payment): Promise<void> {
    const p = payment.toProps();
    if (this.rows.has(p.id) || (await this.rows.setUnique(p.id, p, (r) => r.bookingId === p.bookingId))) throw new Error('duplicate payment');
    await this.openAttempt(payment);
  }

  async findById(id: string, options: LockOption = {}): Promise<Payment | null> {
    const row = options.forUpdate ? await this.rows.lock(id) : this.rows.get(id);
    return row ? Payment.restore(row) : null;
  }

  async findByBookingId(bookingId: string): Promise<Payment | null> {
    const row = this.rows.find((p) => p.bookingId === bookingId);
    return row ? Payment.restore(row) : null;
  }

  async findByTransactionId(transactionId: string): Promise<Payment | null> {
    const attempt = this.attempts.get(transactionId);
    return attempt ? this.findById(attempt.paymentId) : null;
  }

  async findAttempt(transactionId: string, options: LockOption = {}): Promise<PaymentAttempt | null> {
    const attempt = options.forUpdate ? await this.attempts.lock(transactionId) : this.attempts.get(transactionId);
    return attempt ? PaymentAttempt.restore(attempt) : null;
  }

  async replaceAttempt(payment: Payment, previousTransactionId: string, now: Date): Promise<boolean> {
    const moved = await this.rows.change(payment.id, (row) => (
      row.status === 'UNPAID' && row.transactionId === previousTransactionId ? { ...row, transactionId: payment.transactionId, gatewayRef: null, updatedAt: now } : null));
    if (!moved) return false;
    await this.attempts.change(previousTransactionId, (a) => (a.supersededAt ? null : { ...a, supersededAt: now, updatedAt: now }));
    await this.openAttempt(payment);
    return true;
  }

  async attachSession(transactionId: string, gatewayRef: string, now: Date): Promise<void> {
    await this.attempts.change(transactionId, (a) => ({ ...a, gatewayRef, updatedAt: now }));
    await this.rows.update((r) => r.transactionId === transactionId, (r) => ({ ...r, gatewayRef }));
  }

  async saveTransition(payment: Payment, expected: PaymentStatus): Promise<boolean> {
    return this.rows.change(payment.id, (row) => (row.status === expected ? payment.toProps() : null));
  }

  async recordVerdict(attempt: PaymentAttempt): Promise<boolean> {
    return this.attempts.change(attempt.transactionId, (row) => (row.status === 'OPEN' ? attempt.toProps() : null));
  }

  async openAttempts(query: { windows: CreatedBetween[]; limit: number }): Promise<PaymentAttempt[]> {
    const created = (a: { createdAt: Date }) => query.windows.some(({ from, to }) => a.createdAt >= from && a.createdAt <= to);
    return this.attempts.values()
      .filter((a) => a.status === 'OPEN' && created(a))
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.transactionId.localeCompare(a.transactionId))
      .slice(0, query.limit)
      .map((a) => PaymentAttempt.restore(a));
  }

  async markConfirmationSent(paymentId: string, now: Date): Promise<boolean> {
    return this.rows.change(paymentId, (row) => (row.confirmationSentAt ? null : { ...row, confirmationSentAt: now }));
  }

  async recordEvent(event: PaymentEvent): Promise<void> {
    await this.eventLog.set(event.id, { ...event });
  }

  async events(paymentId: string): Promise<PaymentEvent[]> {
    return this.eventLog.values().filter((e) => e.paymentId === paymentId);
  }

  all(): Payment[] {
    return this.rows.values().map((p) => Payment.restore(p));
  }

  /** Every attempt of a payment, oldest first, for assertions. */
  attemptsOf(paymentId: string): PaymentAttempt[] {
    return this.attempts.values().filter((a) => a.paymentId === paymentId).map((a) => PaymentAttempt.restore(a));
  }

  private async openAttempt(payment: Payment): Promise<void> {
    if (this.attempts.has(payment.transactionId)) throw new Error(`duplicate transaction id ${payment.transactionId}`);
    await this.attempts.set(payment.transactionId, PaymentAttempt.open({ transactionId: payment.transactionId, paymentId: payment.id, gateway: payment.gateway, now: payment.updatedAt }).toProps());
  }
}
