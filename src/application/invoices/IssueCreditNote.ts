import { CreditNote } from '../../domain/invoice/CreditNote';
import type { CreditNoteNumber } from '../../domain/invoice/CreditNoteNumber';
import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { Conflict, NotFound } from '../../domain/shared/errors';
import { OUTBOX_JOBS } from '../jobs/outboxJobs';
import type { BillingQueries } from '../ports/BillingQueries';
import type { Clock } from '../ports/Clock';
import type { CreditNoteRepository } from '../ports/CreditNoteRepository';
import type { Digest } from '../ports/Digest';
import type { IdGenerator } from '../ports/IdGenerator';
import type { InvoiceRepository } from '../ports/InvoiceRepository';
import type { JobQueue } from '../ports/JobQueue';
import type { ObjectStorage } from '../ports/ObjectStorage';
import type { PdfRenderer } from '../ports/PdfRenderer';
import type { RefundRepository } from '../ports/RefundRepository';
import type { TemplateRenderer } from '../ports/TemplateRenderer';
import type { UnitOfWork } from '../ports/UnitOfWork';
import { creditNoteView } from './creditNoteView';
import type { DraftIssuing } from './draftIssuing';
import { holdDraft, issueHeld } from './draftIssuing';
import type { Seller } from './invoiceView';

const CREDIT_NOTE_DRAFTS = { exists: ERROR_CODES.CREDIT_NOTE.EXISTS, beingIssued: ERROR_CODES.CREDIT_NOTE.BEING_ISSUED, leaseLost: ERROR_CODES.CREDIT_NOTE.LEASE_LOST };

/**
 * The credit note of a completed refund, issued exactly like an invoice (a DRAFT reserves the next
 * `CN-YYYY-NNNNNN`, the PDF is rendered outside any transaction, the issue is fenced by the lease)
 * and naming the issued invoice it corrects, which itself never changes. Waits (the job retries)
 * until that invoice is issued.
 */
export class IssueCreditNote {
  constructor(
    private readonly notes: CreditNoteRepository,
    private readonly refunds: RefundRepository,
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
    private readonly issueLeaseMs: number,
  ) {}

  async execute(input: { refundId: string }): Promise<CreditNote> {
    const { refundId } = input;
    const existing = await this.notes.findByRefundId(refundId);
    if (existing?.isIssued) return existing;
    const refund = await this.refunds.findById(refundId);
    if (!refund) throw NotFound.of('Refund', ERROR_CODES.REFUND.NOT_FOUND);
    if (refund.state !== 'COMPLETED') throw new Conflict(`A ${refund.state} refund gets no credit note`, ERROR_CODES.CREDIT_NOTE.REFUND_NOT_COMPLETED);
    const invoice = await this.invoices.findByPaymentId(refund.paymentId);
    if (!invoice?.isIssued) throw new Conflict(`The invoice of payment ${refund.paymentId} is not issued yet`, ERROR_CODES.CREDIT_NOTE.INVOICE_NOT_ISSUED);
    const bill = await this.billing.forPayment(refund.paymentId);
    if (!bill) throw NotFound.of('Payment', ERROR_CODES.PAYMENT.NOT_FOUND);
    const issuing: DraftIssuing<CreditNote, CreditNoteNumber> = { store: this.notes, uow: this.uow, clock: this.clock, codes: CREDIT_NOTE_DRAFTS };
    const lease = { token: this.ids.next(), until: new Date(this.clock.now().getTime() + this.issueLeaseMs) };
    const note = await holdDraft(issuing, existing, lease, {
      create: (number, now) => CreditNote.draft({ id: this.ids.next(), refundId, paymentId: refund.paymentId, number, now }),
      reread: () => this.notes.findByRefundId(refundId),
    });
    if (note.isIssued) return note;
    await issueHeld(issuing, note, lease, {
      make: async () => {
        const pdf = await this.pdf.render(this.templates.html('credit-note', creditNoteView(note, refund, invoice.number.value, bill, this.seller)));
        await this.storage.put(note.objectKey, pdf, 'application/pdf');
        note.issue({ invoiceNumber: invoice.number, amount: refund.amount, reason: refund.reason }, { byteSize: pdf.length, sha256: this.digest.sha256(pdf) }, this.clock.now());
      },
      alongside: () => this.jobs.enqueue(OUTBOX_JOBS.sendCreditNoteEmail.job({ refundId })),
    });
    return note;
  }
}
