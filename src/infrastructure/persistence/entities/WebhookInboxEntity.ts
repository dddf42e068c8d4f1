import { EntitySchema } from 'typeorm';

export interface WebhookInboxRow {
  id: string;
  gateway: string;
  eventId: string;
  kind: string;
  /** The verified event as JSON (what processing and a replay read). */
  event: string;
  rawBody: string;
  status: string;
  error: string | null;
  attempts: number;
  receivedAt: Date;
  processedAt: Date | null;
}

export const WebhookInboxEntity = new EntitySchema<WebhookInboxRow>({
  name: 'WebhookInbox',
  tableName: 'webhook_inbox',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    gateway: { type: 'varchar', length: 20 },
    eventId: { type: 'varchar', length: 255 },
    kind: { type: 'varchar', length: 16 },
    event: { type: 'text' },
    rawBody: { type: 'text' },
    status: { type: 'varchar', length: 16 },
    error: { type: 'varchar', length: 500, nullable: true },
    attempts: { type: 'int' },
    receivedAt: { type: 'datetime', precision: 3 },
    processedAt: { type: 'datetime', precision: 3, nullable: true },
  },
  uniques: [{ name: 'UQ_webhook_inbox_gateway_eventId', columns: ['gateway', 'eventId'] }],
});
