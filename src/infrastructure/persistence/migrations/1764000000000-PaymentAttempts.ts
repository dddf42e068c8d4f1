import type { MigrationInterface, QueryRunner} from 'typeorm';
import { TableColumn, TableIndex } from 'typeorm';
import { col, createTable } from './schema';

/**
 * Every checkout a payment ever had (docs/adr/0007). Existing payments get their one known
 * attempt; the sandbox gateway learns which payment each of its sessions belongs to, so it can
 * void a payment's older checkouts when a new one opens.
 */
export class PaymentAttempts1764000000000 implements MigrationInterface {
  name = 'PaymentAttempts1764000000000';

  async up(runner: QueryRunner): Promise<void> {
    await createTable(
      runner,
      'payment_attempts',
      [
        { name: 'transactionId', type: 'varchar', length: '64', isPrimary: true }, col.ref('paymentId'), col.text('gateway', 20), col.text('gatewayRef', 255, true),
        col.text('status', 16), col.text('valId', 255, true), col.time('supersededAt', true), col.time('settledAt', true), col.time('createdAt'), col.time('updatedAt'),
      ],
      // the reconciler reads OPEN attempts by age
      [{ columns: ['paymentId'] }, { columns: ['status', 'createdAt'] }],
    );
    await runner.query(
      `INSERT INTO payment_attempts (transactionId, paymentId, gateway, gatewayRef, status, valId, supersededAt, settledAt, createdAt, updatedAt)
       SELECT transactionId, id, gateway, gatewayRef,
              CASE status WHEN 'UNPAID' THEN 'OPEN' WHEN 'REFUNDED' THEN 'PAID' ELSE status END,
              valId, NULL, CASE status WHEN 'UNPAID' THEN NULL ELSE updatedAt END, createdAt, updatedAt
       FROM payments`,
    );

    await runner.addColumns('sandbox_sessions', [
      new TableColumn({ name: 'paymentId', type: 'varchar', length: '36', isNullable: true }),
      new TableColumn({ name: 'voidedAt', type: 'datetime', precision: 3, isNullable: true }),
    ]);
    await runner.createIndex('sandbox_sessions', new TableIndex({ name: 'IDX_sandbox_sessions_paymentId', columnNames: ['paymentId'] }));
    await runner.query('UPDATE sandbox_sessions SET paymentId = (SELECT p.id FROM payments p WHERE p.transactionId = sandbox_sessions.transactionId)');
    // Sessions replaced before attempts were kept belong to no known attempt: nobody may pay there any more.
    await runner.query('UPDATE sandbox_sessions SET voidedAt = CURRENT_TIMESTAMP WHERE paymentId IS NULL AND outcome IS NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropIndex('sandbox_sessions', 'IDX_sandbox_sessions_paymentId');
    await runner.dropColumns('sandbox_sessions', ['voidedAt', 'paymentId']);
    await runner.dropTable('payment_attempts');
  }
}
