import { PaymentEvent, PaymentRepository } from '../../src/application/ports/PaymentRepository';
import { Payment, PaymentProps, PaymentStatus } from '../../src/domain/payment/Payment';
import { PaymentAttempt, PaymentAttemptProps } from '../../src/domain/payment/PaymentAttempt';
import { Snapshottable } from './InMemoryUnitOfWork';

/** Payments and every attempt they had, as plain props; the UnitOfWork's queue stands in for row locks. */
export class InMemoryPaymentRepository implements PaymentRepository, Snapshottable {
  private rows = new Map<string, PaymentProps>();
  private attempts = new Map<string, PaymentAttemptProps>();
  private eventLog: PaymentEvent[] = [];

  async create(payment: Payment): Promise<void> {
    const p = payment.toProps();
    if ([...this.rows.values()].some((r) => r.id === p.id || r.bookingId === p.bookingId) || this.attempts.has(p.transactionId)) {
      throw new Error('duplicate payment');
    }
    this.rows.set(p.id, p);
    this.openAttempt(payment);
  }

  async findById(id: string): Promise<Payment | null> {
    return this.find((p) => p.id === id);
  }

  async findByBookingId(bookingId: string): Promise<Payment | null> {
    return this.find((p) => p.bookingId === bookingId);
  }

  async findByTransactionId(transactionId: string): Promise<Payment | null> {
    const attempt = this.attempts.get(transactionId);
    return attempt ? this.findById(attempt.paymentId) : null;
  }

  async findAttempt(transactionId: string): Promise<PaymentAttempt | null> {
    const attempt = this.attempts.get(transactionId);
    return attempt ? PaymentAttempt.restore(attempt) : null;
  }

  async replaceAttempt(payment: Payment, previousTransactionId: string, now: Date): Promise<boolean> {
    const row = this.rows.get(payment.id);
    if (!row || row.status !== 'UNPAID' || row.transactionId !== previousTransactionId) return false;
    this.rows.set(payment.id, { ...row, transactionId: payment.transactionId, gatewayRef: null, updatedAt: now });
    const previous = this.attempts.get(previousTransactionId);
    if (previous && !previous.supersededAt) Object.assign(previous, { supersededAt: now, updatedAt: now });
    this.openAttempt(payment);
    return true;
  }

  async attachSession(transactionId: string, gatewayRef: string, now: Date): Promise<void> {
    const attempt = this.attempts.get(transactionId);
    if (attempt) Object.assign(attempt, { gatewayRef, updatedAt: now });
    for (const row of this.rows.values()) if (row.transactionId === transactionId) row.gatewayRef = gatewayRef;
  }

  async saveTransition(payment: Payment, expected: PaymentStatus): Promise<boolean> {
    const row = this.rows.get(payment.id);
    if (!row || row.status !== expected) return false;
    this.rows.set(payment.id, payment.toProps());
    return true;
  }

  async recordVerdict(attempt: PaymentAttempt): Promise<boolean> {
    const row = this.attempts.get(attempt.transactionId);
    if (!row || row.status !== 'OPEN') return false;
    this.attempts.set(attempt.transactionId, attempt.toProps());
    return true;
  }

  async openAttempts(window: { from: Date; to: Date; limit: number }): Promise<PaymentAttempt[]> {
    return [...this.attempts.values()]
      .filter((a) => a.status === 'OPEN' && a.createdAt.getTime() >= window.from.getTime() && a.createdAt.getTime() <= window.to.getTime())
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.transactionId.localeCompare(b.transactionId))
      .slice(0, window.limit)
      .map((a) => PaymentAttempt.restore(a));
  }

  async markConfirmationSent(paymentId: string, now: Date): Promise<boolean> {
    const row = this.rows.get(paymentId);
    if (!row || row.confirmationSentAt) return false;
    row.confirmationSentAt = now;
    return true;
  }

  async recordEvent(event: PaymentEvent): Promise<void> {
    this.eventLog.push({ ...event });
  }

  async events(paymentId: string): Promise<PaymentEvent[]> {
    return this.eventLog.filter((e) => e.paymentId === paymentId);
  }

  all(): Payment[] {
    return [...this.rows.values()].map((p) => Payment.restore(p));
  }

  /** Every attempt of a payment, oldest first, for assertions. */
  attemptsOf(paymentId: string): PaymentAttempt[] {
    return [...this.attempts.values()].filter((a) => a.paymentId === paymentId).map((a) => PaymentAttempt.restore(a));
  }

  snapshot(): unknown {
    const copy = <T>(m: Map<string, T>) => new Map([...m].map(([k, v]) => [k, { ...v }]));
    return { rows: copy(this.rows), attempts: copy(this.attempts), events: [...this.eventLog] };
  }

  restore(state: unknown): void {
    const s = state as { rows: Map<string, PaymentProps>; attempts: Map<string, PaymentAttemptProps>; events: PaymentEvent[] };
    this.rows = s.rows;
    this.attempts = s.attempts;
    this.eventLog = s.events;
  }

  private openAttempt(payment: Payment): void {
    if (this.attempts.has(payment.transactionId)) throw new Error(`duplicate transaction id ${payment.transactionId}`);
    this.attempts.set(payment.transactionId, PaymentAttempt.open({ transactionId: payment.transactionId, paymentId: payment.id, gateway: payment.gateway, now: payment.updatedAt }).toProps());
  }

  private find(predicate: (p: PaymentProps) => boolean): Payment | null {
    const row = [...this.rows.values()].find(predicate);
    return row ? Payment.restore(row) : null;
  }
}
