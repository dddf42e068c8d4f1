import type { CreditNote } from '../../domain/invoice/CreditNote';
import type { CreditNoteNumber } from '../../domain/invoice/CreditNoteNumber';
import type { DraftDocuments } from './DraftDocuments';

export interface CreditNoteRepository extends DraftDocuments<CreditNote, CreditNoteNumber> {
  findByRefundId(refundId: string): Promise<CreditNote | null>;
  findById(id: string): Promise<CreditNote | null>;
  /** Every credit note of a payment, in number order. */
  ofPayment(paymentId: string): Promise<CreditNote[]>;
}
