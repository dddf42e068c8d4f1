import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { Conflict, NotFound } from '../../domain/shared/errors';
import type { BillingQueries } from '../ports/BillingQueries';
import type { Clock } from '../ports/Clock';
import type { CreditNoteRepository } from '../ports/CreditNoteRepository';
import type { Mailer } from '../ports/Mailer';
import type { ObjectStorage } from '../ports/ObjectStorage';
import type { RefundRepository } from '../ports/RefundRepository';
import type { TemplateRenderer } from '../ports/TemplateRenderer';
import type { UnitOfWork } from '../ports/UnitOfWork';
import { creditNoteMailView } from './creditNoteView';

/** Mails the issued credit note with its stored PDF attached, once (a retry goes out under the same idempotency key, docs/adr/0008). */
export class SendCreditNoteEmail {
  constructor(
    private readonly notes: CreditNoteRepository,
    private readonly refunds: RefundRepository,
    private readonly billing: BillingQueries,
    private readonly storage: ObjectStorage,
    private readonly templates: TemplateRenderer,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
  ) {}

  async execute(input: { refundId: string }): Promise<'sent' | 'already-sent'> {
    const note = await this.notes.findByRefundId(input.refundId);
    const refund = await this.refunds.findById(input.refundId);
    if (!note?.isIssued || !refund) throw NotFound.of('Credit note', ERROR_CODES.CREDIT_NOTE.NOT_FOUND);
    if (note.emailedAt) return 'already-sent';
    const bill = await this.billing.forPayment(note.paymentId);
    if (!bill) throw NotFound.of('Payment', ERROR_CODES.PAYMENT.NOT_FOUND);
    const pdf = await this.storage.get(note.objectKey);
    if (!pdf) throw new Conflict(`The PDF of credit note ${note.number.value} is missing from storage`, ERROR_CODES.CREDIT_NOTE.PDF_MISSING);
    await this.mailer.send({
      to: bill.customer.email,
      ...this.templates.email('credit-note', creditNoteMailView(note, refund, bill)),
      attachments: [{ filename: note.fileName, contentType: 'application/pdf', content: pdf.bytes }],
      idempotencyKey: `credit-note.${input.refundId}`,
    });
    await this.uow.run(() => this.notes.markEmailed(note.id, this.clock.now()));
    return 'sent';
  }
}
