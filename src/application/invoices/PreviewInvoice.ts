import { Invoice } from '../../domain/invoice/Invoice';
import { InvoiceNumber } from '../../domain/invoice/InvoiceNumber';
import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { NotFound } from '../../domain/shared/errors';
import type { BillingQueries } from '../ports/BillingQueries';
import type { Clock } from '../ports/Clock';
import type { InvoiceRepository } from '../ports/InvoiceRepository';
import type { PdfRenderer } from '../ports/PdfRenderer';
import type { TemplateRenderer } from '../ports/TemplateRenderer';
import type { Seller } from './invoiceView';
import { invoiceView } from './invoiceView';

/**
 * Renders a payment's invoice with the current template without recording or storing anything
 * (admins checking a template change). Uses the reserved number if there is one.
 */
export class PreviewInvoice {
  constructor(
    private readonly invoices: InvoiceRepository,
    private readonly billing: BillingQueries,
    private readonly pdf: PdfRenderer,
    private readonly templates: TemplateRenderer,
    private readonly clock: Clock,
    private readonly seller: Seller,
  ) {}

  async execute(input: { paymentId: string }): Promise<{ invoiceNumber: string; pdf: Buffer }> {
    const bill = await this.billing.forPayment(input.paymentId);
    if (!bill) throw NotFound.of('Payment', ERROR_CODES.PAYMENT.NOT_FOUND);
    const now = this.clock.now();
    const invoice =
      (await this.invoices.findByPaymentId(input.paymentId)) ??
      Invoice.draft({ id: 'preview', paymentId: bill.paymentId, number: InvoiceNumber.of(now.getUTCFullYear(), 999_999), now });
    const pdf = await this.pdf.render(this.templates.html('invoice', invoiceView(invoice, bill, this.seller)));
    return { invoiceNumber: invoice.number.value, pdf };
  }
}
