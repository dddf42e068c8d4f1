import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, createTable } from './schema';

/** Every verified webhook delivery, once per gateway event (docs/adr/0016). */
export class WebhookInbox1764600002000 implements MigrationInterface {
  name = 'WebhookInbox1764600002000';

  async up(runner: QueryRunner): Promise<void> {
    await createTable(
      runner,
      'webhook_inbox',
      [
        col.id(), col.text('gateway', 20), col.text('eventId', 255), col.text('kind', 16), col.longText('event', false), col.longText('rawBody', false),
        col.text('status', 16), col.text('error', 500, true), col.int('attempts'), col.time('receivedAt'), col.time('processedAt', true),
      ],
      [{ columns: ['gateway', 'eventId'], unique: true }, { columns: ['status', 'receivedAt'] }],
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('webhook_inbox');
  }
}
