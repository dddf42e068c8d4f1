import type { Invoice } from '../../domain/invoice/Invoice';
import type { InvoiceNumber } from '../../domain/invoice/InvoiceNumber';

/** Who is issuing a DRAFT, until when; the token fences out a worker whose lease ran out. */
export interface IssueLease {
  token: string;
  until: Date;
}

export interface InvoiceRepository {
  findByPaymentId(paymentId: string): Promise<Invoice | null>;
  /** The year's next number; the counter moves with the surrounding transaction, so a rollback leaves no gap. */
  reserveNextNumber(year: number): Promise<InvoiceNumber>;
  /** Stores a DRAFT held under `lease`; throws Conflict `INVOICE.EXISTS` when the payment already has an invoice. */
  addDraft(invoice: Invoice, lease: IssueLease): Promise<void>;
  /** Takes over a DRAFT nobody holds (lease lapsed or released); false otherwise. */
  takeLease(invoiceId: string, lease: IssueLease, now: Date): Promise<boolean>;
  releaseLease(invoiceId: string, token: string): Promise<void>;
  /** Writes the issued state, only over a DRAFT still held under `token`; false otherwise. */
  saveIssued(invoice: Invoice, token: string): Promise<boolean>;
  markEmailed(invoiceId: string, now: Date): Promise<void>;
}
