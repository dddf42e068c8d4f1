import type { CreditNoteRepository } from '../../../application/ports/CreditNoteRepository';
import type { IssueLease } from '../../../application/ports/DraftDocuments';
import type { InvoiceStatus } from '../../../domain/invoice/Invoice';
import { CreditNote } from '../../../domain/invoice/CreditNote';
import { CreditNoteNumber } from '../../../domain/invoice/CreditNoteNumber';
import { InvoiceNumber } from '../../../domain/invoice/InvoiceNumber';
import { ERROR_CODES } from '../../../domain/shared/errorCatalogue';
import { Conflict } from '../../../domain/shared/errors';
import { Money } from '../../../domain/shared/Money';
import type { Database } from '../Database';
import { isUniqueViolation } from '../Database';
import type { CreditNoteRow } from '../entities/CreditNoteEntity';
import { CreditNoteEntity } from '../entities/CreditNoteEntity';
import { toDate } from '../rowValues';
import { draftLeases, reserveSequence } from './draftDocuments';

export class TypeOrmCreditNoteRepository implements CreditNoteRepository {
  constructor(private readonly db: Database) {}

  private get repo() {
    return this.db.manager().getRepository(CreditNoteEntity);
  }

  async findByRefundId(refundId: string): Promise<CreditNote | null> {
    return toDomain(await this.repo.findOneBy({ refundId }));
  }

  async findById(id: string): Promise<CreditNote | null> {
    return toDomain(await this.repo.findOneBy({ id }));
  }

  async ofPayment(paymentId: string): Promise<CreditNote[]> {
    const rows = await this.repo.find({ where: { paymentId }, order: { year: 'ASC', sequence: 'ASC' } });
    return rows.map((row) => toDomain(row)!);
  }

  async reserveNextNumber(year: number): Promise<CreditNoteNumber> {
    return CreditNoteNumber.of(year, await reserveSequence(this.db, CreditNoteNumber.SERIES, year));
  }

  async addDraft(note: CreditNote, lease: IssueLease): Promise<void> {
    try {
      await this.repo.insert({ ...toRow(note), leaseToken: lease.token, leaseUntil: lease.until });
    } catch (error) {
      if (isUniqueViolation(error)) throw new Conflict(`Refund ${note.refundId} already has a credit note`, ERROR_CODES.CREDIT_NOTE.EXISTS);
      throw error;
    }
  }

  takeLease(id: string, lease: IssueLease, now: Date): Promise<boolean> {
    return draftLeases.take(this.repo, id, lease, now);
  }

  releaseLease(id: string, token: string): Promise<void> {
    return draftLeases.release(this.repo, id, token);
  }

  saveIssued(note: CreditNote, token: string): Promise<boolean> {
    const { id, refundId, paymentId, number, year, sequence, createdAt, ...issued } = toRow(note);
    return draftLeases.saveIssued(this.repo, id, token, issued);
  }

  markEmailed(id: string, now: Date): Promise<void> {
    return draftLeases.markEmailed(this.repo, id, now);
  }
}

function toRow(note: CreditNote): Omit<CreditNoteRow, 'leaseToken' | 'leaseUntil'> {
  const p = note.toProps();
  return {
    id: p.id, refundId: p.refundId, paymentId: p.paymentId, number: p.number.value, year: p.number.year, sequence: p.number.sequence, status: p.status,
    invoiceNumber: p.credited?.invoiceNumber.value ?? null, amount: p.credited?.amount.minor ?? null, currency: p.credited?.amount.currency ?? null, reason: p.credited?.reason ?? null,
    objectKey: p.objectKey, byteSize: p.byteSize, sha256: p.sha256, issuedAt: p.issuedAt, emailedAt: p.emailedAt, createdAt: p.createdAt, updatedAt: p.updatedAt,
  };
}

function toDomain(row: CreditNoteRow | null): CreditNote | null {
  if (!row) return null;
  const credited = row.invoiceNumber && row.amount !== null && row.currency && row.reason !== null
    ? { invoiceNumber: InvoiceNumber.parse(row.invoiceNumber), amount: Money.ofMinor(Number(row.amount), row.currency), reason: row.reason }
    : null;
  return CreditNote.restore({
    id: row.id, refundId: row.refundId, paymentId: row.paymentId, number: CreditNoteNumber.of(row.year, row.sequence), status: row.status as InvoiceStatus, credited,
    objectKey: row.objectKey, byteSize: row.byteSize, sha256: row.sha256, issuedAt: toDate(row.issuedAt), emailedAt: toDate(row.emailedAt),
    createdAt: toDate(row.createdAt)!, updatedAt: toDate(row.updatedAt)!,
  });
}
