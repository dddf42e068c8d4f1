import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { Conflict } from '../../domain/shared/errors';
import type { Actor } from '../../domain/user/Role';
import type { BillingQueries } from '../ports/BillingQueries';
import type { InvoiceRepository } from '../ports/InvoiceRepository';
import type { ObjectStorage, ObjectStream } from '../ports/ObjectStorage';
import { findVisibleInvoice } from './findVisibleInvoice';

/** The stored invoice PDF as a stream, for a direct download. */
export class OpenInvoicePdf {
  constructor(
    private readonly invoices: InvoiceRepository,
    private readonly billing: BillingQueries,
    private readonly storage: ObjectStorage,
  ) {}

  async execute(actor: Actor, paymentId: string): Promise<{ fileName: string; pdf: ObjectStream }> {
    const invoice = await findVisibleInvoice(this.invoices, this.billing, actor, paymentId);
    const pdf = await this.storage.stream(invoice.objectKey);
    if (!pdf) throw new Conflict(`The PDF of invoice ${invoice.number.value} is missing from storage`, ERROR_CODES.INVOICE.PDF_MISSING);
    return { fileName: invoice.fileName, pdf };
  }
}
