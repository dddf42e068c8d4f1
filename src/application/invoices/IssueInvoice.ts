import { Invoice } from '../../domain/invoice/Invoice';
import { tookMoney } from '../../domain/payment/Payment';
import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { Conflict, NotFound } from '../../domain/shared/errors';
import type { BillingQueries } from '../ports/BillingQueries';
import type { Clock } from '../ports/Clock';
import type { Digest } from '../ports/Digest';
import type { IdGenerator } from '../ports/IdGenerator';
import type { InvoiceRepository, IssueLease } from '../ports/InvoiceRepository';
import type { JobQueue } from '../ports/JobQueue';
import type { ObjectStorage } from '../ports/ObjectStorage';
import type { PdfRenderer } from '../ports/PdfRenderer';
import type { TemplateRenderer } from '../ports/TemplateRenderer';
import type { UnitOfWork } from '../ports/UnitOfWork';
import { OUTBOX_JOBS } from '../jobs/outboxJobs';
import type { Seller } from './invoiceView';
import { billedAmounts, invoiceView } from './invoiceView';

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
    const invoice = await this.holdDraft(paymentId, existing, lease);
    if (invoice.isIssued) return invoice;
    try {
      const pdf = await this.pdf.render(this.templates.html('invoice', invoiceView(invoice, bill, this.seller)));
      await this.storage.put(invoice.objectKey, pdf, 'application/pdf');
      invoice.issue(billedAmounts(bill), { byteSize: pdf.length, sha256: this.digest.sha256(pdf) }, this.clock.now());
      const saved = await this.uow.run(async () => {
        if (!(await this.invoices.saveIssued(invoice, lease.token))) return false;
        await this.jobs.enqueue(OUTBOX_JOBS.sendInvoiceEmail.job({ paymentId }));
        return true;
      });
      if (!saved) throw new Conflict(`Invoice ${invoice.number.value} was taken over by another worker`, ERROR_CODES.INVOICE.LEASE_LOST);
      return invoice;
    } catch (error) {
      // Let the next attempt start at once; if this fails too, the lease simply lapses.
      await this.invoices.releaseLease(invoice.id, lease.token).catch(() => undefined);
      throw error;
    }
  }

  /** The payment's DRAFT, now held by us: a new one with the year's next number, or one whose holder is gone. */
  private async holdDraft(paymentId: string, existing: Invoice | null, lease: IssueLease): Promise<Invoice> {
    let draft = existing;
    if (!draft) {
      try {
        return await this.uow.run(async () => {
          const now = this.clock.now();
          const created = Invoice.draft({ id: this.ids.next(), paymentId, number: await this.invoices.reserveNextNumber(now.getUTCFullYear()), now });
          await this.invoices.addDraft(created, lease);
          return created;
        });
      } catch (error) {
        // Another run reserved first; its transaction, counter included, is the one that counts.
        if (!(error instanceof Conflict && error.code === ERROR_CODES.INVOICE.EXISTS)) throw error;
        draft = await this.invoices.findByPaymentId(paymentId);
        if (!draft) throw error;
      }
    }
    if (draft.isIssued) return draft;
    const held = await this.uow.run(() => this.invoices.takeLease(draft.id, lease, this.clock.now()));
    if (!held) throw new Conflict(`Invoice ${draft.number.value} is being issued by another worker`, ERROR_CODES.INVOICE.BEING_ISSUED);
    return draft;
  }
}
