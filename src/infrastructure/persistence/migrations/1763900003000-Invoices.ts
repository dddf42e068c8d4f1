import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, createTable } from './schema';

export const SEEDED_YEARS = { from: 2020, to: 2120 };

export class Invoices1763900003000 implements MigrationInterface {
  name = 'Invoices1763900003000';

  async up(runner: QueryRunner): Promise<void> {
    await createTable(
      runner,
      'invoices',
      [
        col.id(),
        col.ref('paymentId'),
        col.text('number', 20),
        col.int('year'),
        col.int('sequence'),
        col.text('status', 10),
        // what was billed, frozen at issue: integer minor units of `currency`
        col.int('guestCount', true),
        col.int('unitPrice', true),
        col.int('total', true),
        col.text('currency', 3, true),
        col.text('objectKey', 255),
        col.int('byteSize', true),
        col.text('sha256', 64, true),
        // the worker issuing a DRAFT holds it until leaseUntil; leaseToken fences a late one out
        col.text('leaseToken', 64, true),
        col.time('leaseUntil', true),
        col.time('issuedAt', true),
        col.time('emailedAt', true),
        col.time('createdAt'),
        col.time('updatedAt'),
      ],
      [
        { columns: ['paymentId'], unique: true },
        { columns: ['number'], unique: true },
        { columns: ['year', 'sequence'], unique: true },
        { columns: ['status'] },
        { columns: ['issuedAt'] },
      ],
    );
    // One counter row per year, moved by an atomic UPDATE inside the reserving transaction:
    // a rolled-back reservation rolls the counter back too, so numbers have no gaps.
    await createTable(runner, 'invoice_sequences', [
      { name: 'year', type: 'int', isPrimary: true },
      col.int('lastNumber'),
    ]);
    // Rows for the years ahead exist up front, so a reservation only ever UPDATEs an existing row
    // (two transactions inserting the same new key could deadlock on MySQL's gap locks).
    const years = Array.from({ length: SEEDED_YEARS.to - SEEDED_YEARS.from + 1 }, (_, i) => ({ year: SEEDED_YEARS.from + i, lastNumber: 0 }));
    await runner.manager.createQueryBuilder().insert().into('invoice_sequences').values(years).execute();
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('invoice_sequences');
    await runner.dropTable('invoices');
  }
}
