import type { Actor } from '../../domain/user/Role';
import type { BillingQueries } from '../ports/BillingQueries';
import type { InvoiceRepository } from '../ports/InvoiceRepository';
import type { ObjectStorage } from '../ports/ObjectStorage';
import { findVisibleInvoice } from './findVisibleInvoice';

export const INVOICE_LINK_TTL_SECONDS = 10 * 60;

/** A download URL for the invoice PDF, valid 10 minutes. */
export class GetInvoiceLink {
  constructor(
    private readonly invoices: InvoiceRepository,
    private readonly billing: BillingQueries,
    private readonly storage: ObjectStorage,
  ) {}

  async execute(actor: Actor, paymentId: string): Promise<{ url: string; expiresAt: Date; invoiceNumber: string }> {
    const invoice = await findVisibleInvoice(this.invoices, this.billing, actor, paymentId);
    const link = await this.storage.downloadUrl(invoice.objectKey, INVOICE_LINK_TTL_SECONDS);
    return { ...link, invoiceNumber: invoice.number.value };
  }
}
