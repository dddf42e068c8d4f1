import type { CreditNote } from '../../domain/invoice/CreditNote';
import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { Conflict, NotFound } from '../../domain/shared/errors';
import type { Actor } from '../../domain/user/Role';
import { isAdmin } from '../../domain/user/Role';
import type { BillingQueries } from '../ports/BillingQueries';
import type { CreditNoteRepository } from '../ports/CreditNoteRepository';
import type { ObjectStorage, ObjectStream } from '../ports/ObjectStorage';

/** A payment's issued credit notes as its owner or an admin sees them (anyone else: 404), and one's stored PDF. */
export class OpenCreditNotePdf {
  constructor(private readonly notes: CreditNoteRepository, private readonly billing: BillingQueries, private readonly storage: ObjectStorage) {}

  async list(actor: Actor, paymentId: string): Promise<CreditNote[]> {
    const owner = isAdmin(actor.role) ? null : (await this.billing.forPayment(paymentId))?.customer.userId;
    if (!isAdmin(actor.role) && owner !== actor.userId) throw NotFound.of('Credit note', ERROR_CODES.CREDIT_NOTE.NOT_FOUND);
    return (await this.notes.ofPayment(paymentId)).filter((note) => note.isIssued);
  }

  async execute(actor: Actor, creditNoteId: string): Promise<{ fileName: string; pdf: ObjectStream }> {
    const note = await this.notes.findById(creditNoteId);
    const visible = note?.isIssued ? (await this.list(actor, note.paymentId).catch(() => [])).some((n) => n.id === note.id) : false;
    if (!note || !visible) throw NotFound.of('Credit note', ERROR_CODES.CREDIT_NOTE.NOT_FOUND);
    const pdf = await this.storage.stream(note.objectKey);
    if (!pdf) throw new Conflict(`The PDF of credit note ${note.number.value} is missing from storage`, ERROR_CODES.CREDIT_NOTE.PDF_MISSING);
    return { fileName: note.fileName, pdf };
  }
}
