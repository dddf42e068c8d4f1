import type { PaymentStatus } from '../../domain/payment/Payment';
import type { Money } from '../../domain/shared/Money';

/** Everything an invoice prints about one payment, read in one go. */
export interface BillingRecord {
  paymentId: string;
  paymentStatus: PaymentStatus;
  transactionId: string;
  amount: Money;
  paidAt: Date | null;
  bookingId: string;
  guestCount: number;
  customer: { userId: string; name: string; email: string; phone: string | null; address: string | null };
  tour: { title: string; startDate: Date | null; endDate: Date | null };
}

export interface BillingQueries {
  forPayment(paymentId: string): Promise<BillingRecord | null>;
  /** PAID payments that have no issued invoice yet (none, or a DRAFT), the longest paid first. */
  paymentsAwaitingInvoice(limit: number): Promise<string[]>;
}
