import { Payment, PaymentStatus } from '../../domain/payment/Payment';

/** One recorded change of a payment: the audit trail admins and disputes read. */
export interface PaymentEvent {
  id: string;
  paymentId: string;
  bookingId: string;
  type: string;
  fromStatus: string | null;
  toStatus: string | null;
  detail: Record<string, unknown>;
  createdAt: Date;
}

export interface PaymentRepository {
  create(payment: Payment): Promise<void>;
  findById(id: string): Promise<Payment | null>;
  findByBookingId(bookingId: string): Promise<Payment | null>;
  findByTransactionId(transactionId: string): Promise<Payment | null>;
  /** Saves session data (gatewayRef, transactionId) without a status change. */
  save(payment: Payment): Promise<void>;
  /** Saves the payment only if it is still `expected`; false when another request moved it first. */
  saveTransition(payment: Payment, expected: PaymentStatus): Promise<boolean>;
  /** Marks the confirmation email sent once; false when it already was. */
  markConfirmationSent(paymentId: string, now: Date): Promise<boolean>;
  recordEvent(event: PaymentEvent): Promise<void>;
  events(paymentId: string): Promise<PaymentEvent[]>;
}
