import type { InvoiceRepository, IssueLease } from '../../../application/ports/InvoiceRepository';
import type { InvoiceStatus } from '../../../domain/invoice/Invoice';
import { Invoice } from '../../../domain/invoice/Invoice';
import { InvoiceNumber } from '../../../domain/invoice/InvoiceNumber';
import { ERROR_CODES } from '../../../domain/shared/errorCatalogue';
import { Conflict } from '../../../domain/shared/errors';
import { Money } from '../../../domain/shared/Money';
import type { Database } from '../Database';
import { affectedRows, isUniqueViolation } from '../Database';
import type { InvoiceRow } from '../entities/InvoiceEntity';
import { InvoiceEntity } from '../entities/InvoiceEntity';
import { toDate } from '../rowValues';

export class TypeOrmInvoiceRepository implements InvoiceRepository {
  constructor(private readonly db: Database) {}

  private get repo() {
    return this.db.manager().getRepository(InvoiceEntity);
  }

  async findByPaymentId(paymentId: string): Promise<Invoice | null> {
    const row = await this.repo.findOneBy({ paymentId });
    return row ? toDomain(row) : null;
  }

  /**
   * One atomic UPDATE on the year's row: on MySQL it row-locks the counter until the
   * transaction ends (concurrent reservations queue there), on SQLite the writer lock does.
   */
  async reserveNextNumber(year: number): Promise<InvoiceNumber> {
    const manager = this.db.manager();
    const bump = () => manager.createQueryBuilder().update('invoice_sequences').set({ lastNumber: () => 'lastNumber + 1' }).where('year = :year', { year }).execute();
    if (affectedRows(await bump()) === 0) {
      // Years outside the range the migration seeds: create the row, then move it like any other.
      await manager.createQueryBuilder().insert().into('invoice_sequences').values({ year, lastNumber: 0 }).orIgnore().execute();
      await bump();
    }
    const row = await manager.createQueryBuilder().select('lastNumber', 'lastNumber').from('invoice_sequences', 's').where('year = :year', { year }).getRawOne();
    return InvoiceNumber.of(year, Number(row.lastNumber));
  }

  async addDraft(invoice: Invoice, lease: IssueLease): Promise<void> {
    try {
      await this.repo.insert({ ...toRow(invoice), leaseToken: lease.token, leaseUntil: lease.until });
    } catch (error) {
      if (isUniqueViolation(error)) throw new Conflict(`Payment ${invoice.paymentId} already has an invoice`, ERROR_CODES.INVOICE.EXISTS);
      throw error;
    }
  }

  async takeLease(invoiceId: string, lease: IssueLease, now: Date): Promise<boolean> {
    const result = await this.repo
      .createQueryBuilder()
      .update()
      .set({ leaseToken: lease.token, leaseUntil: lease.until })
      .where('id = :id AND status = :draft AND (leaseUntil IS NULL OR leaseUntil <= :now)', { id: invoiceId, draft: 'DRAFT', now })
      .execute();
    return affectedRows(result) === 1;
  }

  async releaseLease(invoiceId: string, token: string): Promise<void> {
    await this.repo.update({ id: invoiceId, leaseToken: token, status: 'DRAFT' }, { leaseToken: null, leaseUntil: null });
  }

  async saveIssued(invoice: Invoice, token: string): Promise<boolean> {
    const { id, number, year, sequence, paymentId, createdAt, ...issued } = toRow(invoice);
    const result = await this.repo.update({ id, status: 'DRAFT', leaseToken: token }, { ...issued, leaseToken: null, leaseUntil: null });
    return affectedRows(result) === 1;
  }

  async markEmailed(invoiceId: string, now: Date): Promise<void> {
    await this.repo.update({ id: invoiceId, status: 'ISSUED' }, { emailedAt: now });
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
