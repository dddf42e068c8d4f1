import type { CreditNoteRepository } from '../../src/application/ports/CreditNoteRepository';
import type { CreditNoteProps } from '../../src/domain/invoice/CreditNote';
import { CreditNote } from '../../src/domain/invoice/CreditNote';
import { CreditNoteNumber } from '../../src/domain/invoice/CreditNoteNumber';
import { InMemoryDraftDocuments } from './InMemoryDraftDocuments';

/** Credit notes (one per refund) and their per-year counters, like the invoices' fake. */
export class InMemoryCreditNoteRepository extends InMemoryDraftDocuments<CreditNote, CreditNoteProps, CreditNoteNumber> implements CreditNoteRepository {
  constructor() {
    super((props) => CreditNote.restore(props), (year, sequence) => CreditNoteNumber.of(year, sequence), (props) => props.refundId, 'CREDIT_NOTE.EXISTS');
  }

  async findByRefundId(refundId: string): Promise<CreditNote | null> {
    return this.findWhere((props) => props.refundId === refundId);
  }

  async findById(id: string): Promise<CreditNote | null> {
    return this.findWhere((props) => props.id === id);
  }

  async ofPayment(paymentId: string): Promise<CreditNote[]> {
    return this.all().filter((note) => note.paymentId === paymentId);
  }
}
