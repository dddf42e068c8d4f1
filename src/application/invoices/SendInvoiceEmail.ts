import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { Conflict, NotFound } from '../../domain/shared/errors';
import type { BillingQueries } from '../ports/BillingQueries';
import type { Clock } from '../ports/Clock';
import type { InvoiceRepository } from '../ports/InvoiceRepository';
import type { Mailer } from '../ports/Mailer';
import type { ObjectStorage } from '../ports/ObjectStorage';
import type { TemplateRenderer } from '../ports/TemplateRenderer';
import type { UnitOfWork } from '../ports/UnitOfWork';
import { invoiceMailView } from './invoiceView';

/**
 * Mails the issued invoice with its stored PDF attached. Once per invoice unless `resend` (never a new invoice).
 * A retry after the send but before `emailedAt` was recorded goes out under the same idempotency key, so the
 * outbox keeps one; a resend is a new message the admin asked for.
 */
export class SendInvoiceEmail {
  constructor(
    private readonly invoices: InvoiceRepository,
    private readonly billing: BillingQueries,
    private readonly storage: ObjectStorage,
    private readonly templates: TemplateRenderer,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
  ) {}

  async execute(input: { paymentId: string; resend?: boolean }): Promise<'sent' | 'already-sent'> {
    const invoice = await this.invoices.findByPaymentId(input.paymentId);
    if (!invoice?.isIssued) throw NotFound.of('Invoice', ERROR_CODES.INVOICE.NOT_FOUND);
    if (invoice.emailedAt && !input.resend) return 'already-sent';
    const bill = await this.billing.forPayment(input.paymentId);
    if (!bill) throw NotFound.of('Payment', ERROR_CODES.PAYMENT.NOT_FOUND);
    const pdf = await this.storage.get(invoice.objectKey);
    if (!pdf) throw new Conflict(`The PDF of invoice ${invoice.number.value} is missing from storage`, ERROR_CODES.INVOICE.PDF_MISSING);
    const mail = this.templates.email('invoice', invoiceMailView(invoice, bill));
    await this.mailer.send({
      to: bill.customer.email,
      ...mail,
      attachments: [{ filename: invoice.fileName, contentType: 'application/pdf', content: pdf.bytes }],
      ...(input.resend ? {} : { idempotencyKey: `invoice.${input.paymentId}` }),
    });
    await this.uow.run(() => this.invoices.markEmailed(invoice.id, this.clock.now()));
    return 'sent';
  }
}
