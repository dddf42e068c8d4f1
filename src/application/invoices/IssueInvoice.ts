import { Invoice } from '../../domain/invoice/Invoice';
import type { InvoiceNumber } from '../../domain/invoice/InvoiceNumber';
import { tookMoney } from '../../domain/payment/Payment';
import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { Conflict, NotFound } from '../../domain/shared/errors';
import type { BillingQueries } from '../ports/BillingQueries';
import type { Clock } from '../ports/Clock';
import type { Digest } from '../ports/Digest';
import type { IdGenerator } from '../ports/IdGenerator';
import type { InvoiceRepository } from '../ports/InvoiceRepository';
import type { JobQueue } from '../ports/JobQueue';
import type { ObjectStorage } from '../ports/ObjectStorage';
import type { PdfRenderer } from '../ports/PdfRenderer';
import type { TemplateRenderer } from '../ports/TemplateRenderer';
import type { UnitOfWork } from '../ports/UnitOfWork';
import { OUTBOX_JOBS } from '../jobs/outboxJobs';
import type { DraftIssuing } from './draftIssuing';
import { holdDraft, issueHeld } from './draftIssuing';
import type { Seller } from './invoiceView';
import { billedAmounts, invoiceView } from './invoiceView';

const INVOICE_DRAFTS = { exists: ERROR_CODES.INVOICE.EXISTS, beingIssued: ERROR_CODES.INVOICE.BEING_ISSUED, leaseLost: ERROR_CODES.INVOICE.LEASE_LOST };

/**
 * The one invoice of a paid payment. The number is reserved with a DRAFT in a short transaction;
 * the PDF is rendered and stored outside any transaction; then the invoice is ISSUED with the
 * document's size and SHA-256, and its email queued. A retry reuses the DRAFT and its number.
 */
export class IssueInvoice {
  constructor(
    private readonly invoices: InvoiceRepository,
    private readonly billing: BillingQueries,
    private readonly pdf: PdfRenderer,
    private readonly templates: TemplateRenderer,
    private readonly storage: ObjectStorage,
    private readonly digest: Digest,
    private readonly jobs: JobQueue,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
    private readonly seller: Seller,
    /** How long a DRAFT stays ours: the job lease (JOB_LEASE_SECONDS), so a dead worker's DRAFT comes back with its job. */
    private readonly issueLeaseMs: number,
  ) {}

  async execute(input: { paymentId: string }): Promise<Invoice> {
    const { paymentId } = input;
    const existing = await this.invoices.findByPaymentId(paymentId);
    if (existing?.isIssued) return existing;
    const bill = await this.billing.forPayment(paymentId);
    if (!bill) throw NotFound.of('Payment', ERROR_CODES.PAYMENT.NOT_FOUND);
    if (!tookMoney(bill.paymentStatus)) {
      throw new Conflict(`A ${bill.paymentStatus} payment gets no invoice`, ERROR_CODES.INVOICE.PAYMENT_NOT_PAID);
    }
    const lease = { token: this.ids.next(), until: new Date(this.clock.now().getTime() + this.issueLeaseMs) };
    const invoice = await holdDraft(this.issuing, existing, lease, {
      create: (number, now) => Invoice.draft({ id: this.ids.next(), paymentId, number, now }),
      reread: () => this.invoices.findByPaymentId(paymentId),
    });
    if (invoice.isIssued) return invoice;
    await issueHeld(this.issuing, invoice, lease, {
      make: async () => {
        const pdf = await this.pdf.render(this.templates.html('invoice', invoiceView(invoice, bill, this.seller)));
        await this.storage.put(invoice.objectKey, pdf, 'application/pdf');
        invoice.issue(billedAmounts(bill), { byteSize: pdf.length, sha256: this.digest.sha256(pdf) }, this.clock.now());
      },
      alongside: () => this.jobs.enqueue(OUTBOX_JOBS.sendInvoiceEmail.job({ paymentId })),
    });
    return invoice;
  }

  private get issuing(): DraftIssuing<Invoice, InvoiceNumber> {
    return { store: this.invoices, uow: this.uow, clock: this.clock, codes: INVOICE_DRAFTS };
  }
}
