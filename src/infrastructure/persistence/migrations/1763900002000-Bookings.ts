import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, createTable } from './schema';

export class Bookings1763900002000 implements MigrationInterface {
  name = 'Bookings1763900002000';

  async up(runner: QueryRunner): Promise<void> {
    await createTable(
      runner,
      'bookings',
      [
        col.id(), col.ref('userId'), col.ref('tourId'), col.int('guestCount'), col.text('status', 16), col.time('expiresAt'),
        // integer minor units of `currency`, fixed when the booking was made
        col.int('amount'), col.text('currency', 3), col.time('createdAt'), col.time('updatedAt'),
      ],
      [{ columns: ['tourId', 'status'] }, { columns: ['userId'] }, { columns: ['status', 'expiresAt'] }, { columns: ['createdAt'] }],
    );
    await createTable(
      runner,
      'payments',
      [
        col.id(), col.ref('bookingId'), col.text('transactionId', 64), col.int('amount'), col.text('currency', 3), col.text('status', 16),
        col.text('gateway', 20), col.text('gatewayRef', 255, true), col.text('valId', 255, true), col.bool('refundDue'),
        col.time('paidAt', true), col.time('confirmationSentAt', true), col.time('createdAt'), col.time('updatedAt'),
      ],
      [{ columns: ['bookingId'], unique: true }, { columns: ['transactionId'], unique: true }, { columns: ['status'] }, { columns: ['refundDue'] }, { columns: ['createdAt'] }],
    );
    await createTable(
      runner,
      'payment_events',
      [col.id(), col.ref('paymentId'), col.ref('bookingId'), col.text('type', 32), col.text('fromStatus', 16, true), col.text('toStatus', 16, true), col.longText('detail'), col.time('createdAt')],
      [{ columns: ['paymentId'] }, { columns: ['createdAt'] }],
    );
    // The transactional outbox: written in the same transaction as the change that needs the work.
    await createTable(
      runner,
      'jobs',
      [
        col.id(), col.text('type', 64), col.longText('payload', false), col.text('status', 16), col.int('attempts'), col.int('maxAttempts'),
        col.time('runAt'), col.time('leaseUntil', true), col.text('claimToken', 64, true), col.longText('lastError'),
        col.text('dedupeKey', 191, true), col.time('createdAt'), col.time('updatedAt'),
      ],
      [{ columns: ['status', 'runAt'] }, { columns: ['dedupeKey'], unique: true }, { columns: ['type'] }],
    );
    // The built-in sandbox gateway's own records: what it would keep on its side of the wire.
    await createTable(
      runner,
      'sandbox_sessions',
      [
        col.id(), col.text('transactionId', 64), col.int('amount'), col.text('currency', 3), col.text('customerName', 120),
        col.text('successUrl', 500), col.text('failUrl', 500), col.text('cancelUrl', 500),
        col.text('outcome', 16, true), col.text('valId', 255, true), col.time('completedAt', true), col.time('verifiedAt', true), col.time('createdAt'),
      ],
      [{ columns: ['valId'], unique: true }, { columns: ['transactionId'] }],
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['sandbox_sessions', 'jobs', 'payment_events', 'payments', 'bookings']) await runner.dropTable(table);
  }
}
