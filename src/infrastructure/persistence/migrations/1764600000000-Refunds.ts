import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TableColumn } from 'typeorm';
import { col, createTable } from './schema';

/**
 * Refunds (docs/adr/0016): what each payment gave back, the gateway's id for the money an attempt
 * took (what a refund names), and the sandbox gateway's own refund records. `PARTIALLY_REFUNDED`
 * needs a wider status column.
 */
export class Refunds1764600000000 implements MigrationInterface {
  name = 'Refunds1764600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.changeColumn('payments', 'status', new TableColumn({ name: 'status', type: 'varchar', length: '20' }));
    await runner.addColumns('payments', [
      new TableColumn({ name: 'refundedAmount', type: 'int', default: 0 }),
      new TableColumn({ name: 'refundPendingAmount', type: 'int', default: 0 }),
    ]);
    await runner.changeColumn('payment_events', 'fromStatus', new TableColumn({ name: 'fromStatus', type: 'varchar', length: '20', isNullable: true }));
    await runner.changeColumn('payment_events', 'toStatus', new TableColumn({ name: 'toStatus', type: 'varchar', length: '20', isNullable: true }));
    await runner.addColumn('payment_attempts', new TableColumn({ name: 'gateway_payment_ref', type: 'varchar', length: '255', isNullable: true }));
    await createTable(
      runner,
      'refunds',
      [
        col.id(), col.ref('paymentId'), col.text('transactionId', 64), col.text('paymentRef', 255), col.text('gateway', 20),
        col.int('amount'), col.text('currency', 3), col.text('reason', 500), col.text('state', 16), col.text('gatewayRefundId', 255, true),
        col.text('failureReason', 500, true), col.text('idempotencyKey', 255), col.time('createdAt'), col.time('settledAt', true), col.time('updatedAt'),
      ],
      // the reconciler reads open refunds by age
      [{ columns: ['idempotencyKey'], unique: true }, { columns: ['paymentId'] }, { columns: ['state', 'createdAt'] }],
    );
    await createTable(
      runner,
      'sandbox_refunds',
      [
        { name: 'id', type: 'varchar', length: '64', isPrimary: true }, col.ref('sessionId'), col.text('transactionId', 64), col.int('amount'), col.text('currency', 3),
        col.text('state', 16), col.text('gatewayRefundId', 64), col.text('failureReason', 255, true), col.time('createdAt'), col.time('settledAt', true),
      ],
      [{ columns: ['sessionId'] }],
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('sandbox_refunds');
    await runner.dropTable('refunds');
    await runner.dropColumn('payment_attempts', 'gateway_payment_ref');
    await runner.dropColumns('payments', ['refundPendingAmount', 'refundedAmount']);
  }
}
