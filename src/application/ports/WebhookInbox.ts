import type { GatewayEvent } from './PaymentGateway';

export type InboxStatus = 'RECEIVED' | 'PROCESSED' | 'FAILED';

/** One verified webhook delivery as the inbox keeps it. */
export interface InboxEntry {
  id: string;
  gateway: string;
  eventId: string;
  event: GatewayEvent;
  status: InboxStatus;
  /** Why processing failed, kept for a replay. */
  error: string | null;
  attempts: number;
  receivedAt: Date;
  processedAt: Date | null;
}

export interface WebhookInbox {
  /** Stores a verified delivery (with its raw body) once per `(gateway, eventId)`; null when it was stored before: a duplicate, nothing written. */
  record(entry: { id: string; gateway: string; event: GatewayEvent; rawBody: Buffer; receivedAt: Date }): Promise<InboxEntry | null>;
  findById(id: string): Promise<InboxEntry | null>;
  /** Records how processing went (one more attempt). */
  settle(id: string, outcome: { status: 'PROCESSED' | 'FAILED'; error: string | null }, now: Date): Promise<void>;
  /** Newest first; only FAILED ones with `failed`. */
  list(filter: { failed: boolean; limit: number }): Promise<InboxEntry[]>;
}
