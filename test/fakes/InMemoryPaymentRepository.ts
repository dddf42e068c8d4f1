import { PaymentEvent, PaymentRepository } from '../../src/application/ports/PaymentRepository';
import { Payment, PaymentProps, PaymentStatus } from '../../src/domain/payment/Payment';
import { Snapshottable } from './InMemoryUnitOfWork';

export class InMemoryPaymentRepository implements PaymentRepository, Snapshottable {
  private rows = new Map<string, PaymentProps>();
  private eventLog: PaymentEvent[] = [];

  async create(payment: Payment): Promise<void> {
    const p = payment.toProps();
    if ([...this.rows.values()].some((r) => r.id === p.id || r.bookingId === p.bookingId || r.transactionId === p.transactionId)) {
      throw new Error('duplicate payment');
    }
    this.rows.set(p.id, p);
  }

  async findById(id: string): Promise<Payment | null> {
    return this.find((p) => p.id === id);
  }

  async findByBookingId(bookingId: string): Promise<Payment | null> {
    return this.find((p) => p.bookingId === bookingId);
  }

  async findByTransactionId(transactionId: string): Promise<Payment | null> {
    return this.find((p) => p.transactionId === transactionId);
  }

  async save(payment: Payment): Promise<void> {
    if (!this.rows.has(payment.id)) throw new Error('unknown payment');
    this.rows.set(payment.id, payment.toProps());
  }

  async saveTransition(payment: Payment, expected: PaymentStatus): Promise<boolean> {
    const row = this.rows.get(payment.id);
    if (!row || row.status !== expected) return false;
    this.rows.set(payment.id, payment.toProps());
    return true;
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

  snapshot(): unknown {
    return { rows: new Map([...this.rows].map(([id, p]) => [id, { ...p }])), events: [...this.eventLog] };
  }

  restore(state: unknown): void {
    const s = state as { rows: Map<string, PaymentProps>; events: PaymentEvent[] };
    this.rows = s.rows;
    this.eventLog = s.events;
  }

  private find(predicate: (p: PaymentProps) => boolean): Payment | null {
    const row = [...this.rows.values()].find(predicate);
    return row ? Payment.restore(row) : null;
  }
}
