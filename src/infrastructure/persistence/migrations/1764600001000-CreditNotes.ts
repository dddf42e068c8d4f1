import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, createTable } from './schema';
import { SEEDED_YEARS } from './1763900003000-Invoices';

/**
 * Credit notes (docs/adr/0016), numbered like invoices: the per-year counters become one table of
 * document series (`INV`, `CN`), the invoices' counts carried over, each series' years seeded up
 * front for the reason ADR 0005 gives.
 */
export class CreditNotes1764600001000 implements MigrationInterface {
  name = 'CreditNotes1764600001000';

  async up(runner: QueryRunner): Promise<void> {
    await createTable(runner, 'document_sequences', [
      { name: 'series', type: 'varchar', length: '8', isPrimary: true }, { name: 'year', type: 'int', isPrimary: true }, col.int('lastNumber'),
    ]);
    await runner.query("INSERT INTO document_sequences (series, year, lastNumber) SELECT 'INV', year, lastNumber FROM invoice_sequences");
    const years = Array.from({ length: SEEDED_YEARS.to - SEEDED_YEARS.from + 1 }, (_, i) => ({ series: 'CN', year: SEEDED_YEARS.from + i, lastNumber: 0 }));
    await runner.manager.createQueryBuilder().insert().into('document_sequences').values(years).execute();
    await runner.dropTable('invoice_sequences');
    await createTable(
      runner,
      'credit_notes',
      [
        col.id(), col.ref('refundId'), col.ref('paymentId'), col.text('number', 20), col.int('year'), col.int('sequence'), col.text('status', 10),
        // what it credits, frozen at issue
        col.text('invoiceNumber', 20, true), col.int('amount', true), col.text('currency', 3, true), col.text('reason', 500, true),
        col.text('objectKey', 255), col.int('byteSize', true), col.text('sha256', 64, true), col.text('leaseToken', 64, true), col.time('leaseUntil', true),
        col.time('issuedAt', true), col.time('emailedAt', true), col.time('createdAt'), col.time('updatedAt'),
      ],
      [
        { columns: ['refundId'], unique: true }, { columns: ['number'], unique: true }, { columns: ['year', 'sequence'], unique: true }, { columns: ['paymentId'] },
      ],
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('credit_notes');
    await createTable(runner, 'invoice_sequences', [{ name: 'year', type: 'int', isPrimary: true }, col.int('lastNumber')]);
    await runner.query("INSERT INTO invoice_sequences (year, lastNumber) SELECT year, lastNumber FROM document_sequences WHERE series = 'INV'");
    await runner.dropTable('document_sequences');
  }
}
