import type { InvoiceRepository } from '../../src/application/ports/InvoiceRepository';
import type { InvoiceProps } from '../../src/domain/invoice/Invoice';
import { Invoice } from '../../src/domain/invoice/Invoice';
import { InvoiceNumber } from '../../src/domain/invoice/InvoiceNumber';
import { InMemoryDraftDocuments } from './InMemoryDraftDocuments';

/** Invoices and per-year counters in tables that lock and roll back like the real ones. */
export class InMemoryInvoiceRepository extends InMemoryDraftDocuments<Invoice, InvoiceProps, InvoiceNumber> implements InvoiceRepository {
  constructor() {
    super((props) => Invoice.restore(props), (year, sequence) => InvoiceNumber.of(year, sequence), (props) => props.paymentId, 'INVOICE.EXISTS');
  }

  async findByPaymentId(paymentId: string): Promise<Invoice | null> {
    return this.findWhere((props) => props.paymentId === paymentId);
  }
}
