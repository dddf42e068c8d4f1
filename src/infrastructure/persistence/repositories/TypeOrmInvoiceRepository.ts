import type { InvoiceRepository, IssueLease } from '../../../application/ports/InvoiceRepository';
import type { InvoiceStatus } from '../../../domain/invoice/Invoice';
import { Invoice } from '../../../domain/invoice/Invoice';
import { InvoiceNumber } from '../../../domain/invoice/InvoiceNumber';
import { ERROR_CODES } from '../../../domain/shared/errorCatalogue';
import { Conflict } from '../../../domain/shared/errors';
import { Money } from '../../../domain/shared/Money';
import type { Database } from '../Database';
import { isUniqueViolation } from '../Database';
import type { InvoiceRow } from '../entities/InvoiceEntity';
import { InvoiceEntity } from '../entities/InvoiceEntity';
import { toDate } from '../rowValues';
import { draftLeases, reserveSequence } from './draftDocuments';

export class TypeOrmInvoiceRepository implements InvoiceRepository {
  constructor(private readonly db: Database) {}

  private get repo() {
    return this.db.manager().getRepository(InvoiceEntity);
  }

  async findByPaymentId(paymentId: string): Promise<Invoice | null> {
    const row = await this.repo.findOneBy({ paymentId });
    return row ? toDomain(row) : null;
  }

  async reserveNextNumber(year: number): Promise<InvoiceNumber> {
    return InvoiceNumber.of(year, await reserveSequence(this.db, InvoiceNumber.SERIES, year));
  }

  async addDraft(invoice: Invoice, lease: IssueLease): Promise<void> {
    try {
      await this.repo.insert({ ...toRow(invoice), leaseToken: lease.token, leaseUntil: lease.until });
    } catch (error) {
      if (isUniqueViolation(error)) throw new Conflict(`Payment ${invoice.paymentId} already has an invoice`, ERROR_CODES.INVOICE.EXISTS);
      throw error;
    }
  }

  takeLease(invoiceId: string, lease: IssueLease, now: Date): Promise<boolean> {
    return draftLeases.take(this.repo, invoiceId, lease, now);
  }

  releaseLease(invoiceId: string, token: string): Promise<void> {
    return draftLeases.release(this.repo, invoiceId, token);
  }

  saveIssued(invoice: Invoice, token: string): Promise<boolean> {
    const { id, number, year, sequence, paymentId, createdAt, ...issued } = toRow(invoice);
    return draftLeases.saveIssued(this.repo, id, token, issued);
  }

  markEmailed(invoiceId: string, now: Date): Promise<void> {
    return draftLeases.markEmailed(this.repo, invoiceId, now);
  }
}

function toRow(invoice: Invoice): Omit<InvoiceRow, 'leaseToken' | 'leaseUntil'> {
  const p = invoice.toProps();
  return {
    id: p.id,
    paymentId: p.paymentId,
    number: p.number.value,
    year: p.number.year,
    sequence: p.number.sequence,
    status: p.status,
    guestCount: p.billed?.guestCount ?? null,
    unitPrice: p.billed?.unitPrice.minor ?? null,
    total: p.billed?.total.minor ?? null,
    currency: p.billed?.total.currency ?? null,
    objectKey: p.objectKey,
    byteSize: p.byteSize,
    sha256: p.sha256,
    issuedAt: p.issuedAt,
    emailedAt: p.emailedAt,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

function toDomain(row: InvoiceRow): Invoice {
  const billed =
    row.guestCount !== null && row.unitPrice !== null && row.total !== null && row.currency
      ? { guestCount: row.guestCount, unitPrice: Money.ofMinor(row.unitPrice, row.currency), total: Money.ofMinor(row.total, row.currency) }
      : null;
  return Invoice.restore({
    id: row.id,
    paymentId: row.paymentId,
    number: InvoiceNumber.of(row.year, row.sequence),
    status: row.status as InvoiceStatus,
    billed,
    objectKey: row.objectKey,
    byteSize: row.byteSize,
    sha256: row.sha256,
    issuedAt: toDate(row.issuedAt),
    emailedAt: toDate(row.emailedAt),
    createdAt: toDate(row.createdAt)!,
    updatedAt: toDate(row.updatedAt)!,
  });
}
