import type { Invoice } from '../../domain/invoice/Invoice';
import type { InvoiceNumber } from '../../domain/invoice/InvoiceNumber';
import type { DraftDocuments } from './DraftDocuments';

export type { IssueLease } from './DraftDocuments';

export interface InvoiceRepository extends DraftDocuments<Invoice, InvoiceNumber> {
  findByPaymentId(paymentId: string): Promise<Invoice | null>;
}
