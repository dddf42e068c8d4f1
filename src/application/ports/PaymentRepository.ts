import type { Payment, PaymentStatus } from '../../domain/payment/Payment';
import type { PaymentAttempt } from '../../domain/payment/PaymentAttempt';
import type { LockOption } from './UnitOfWork';

/** A span of creation times, both ends included. */
export interface CreatedBetween {
  from: Date;
  to: Date;
}

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
  /** The payment and its first attempt (`payment.transactionId`). */
  create(payment: Payment): Promise<void>;
  findById(id: string, options?: LockOption): Promise<Payment | null>;
  findByBookingId(bookingId: string): Promise<Payment | null>;
  /** The payment any of its attempts, current or superseded, had this transaction id. */
  findByTransactionId(transactionId: string): Promise<Payment | null>;
  findAttempt(transactionId: string, options?: LockOption): Promise<PaymentAttempt | null>;
  /**
   * A new attempt: moves the payment to `payment.transactionId` only if it is still UNPAID on
   * `previousTransactionId`, marks that attempt superseded and opens the new one. False (and
   * nothing written) when something else moved the payment first.
   */
  replaceAttempt(payment: Payment, previousTransactionId: string, now: Date): Promise<boolean>;
  /** The gateway's session reference for an attempt (and for the payment while it is the current one). */
  attachSession(transactionId: string, gatewayRef: string, now: Date): Promise<void>;
  /** Saves the payment only if it is still `expected`; false when another request moved it first. */
  saveTransition(payment: Payment, expected: PaymentStatus): Promise<boolean>;
  /** Saves the attempt's verdict only while it is still OPEN; false when it already had one. */
  recordVerdict(attempt: PaymentAttempt): Promise<boolean>;
  /** OPEN attempts created in any of `windows`, newest first, at most `limit`: what the reconciler asks the gateway about. */
  openAttempts(query: { windows: CreatedBetween[]; limit: number }): Promise<PaymentAttempt[]>;
  /** Marks the confirmation email sent once; false when it already was. */
  markConfirmationSent(paymentId: string, now: Date): Promise<boolean>;
  recordEvent(event: PaymentEvent): Promise<void>;
  events(paymentId: string): Promise<PaymentEvent[]>;
}
