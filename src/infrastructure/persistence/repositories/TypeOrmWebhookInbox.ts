import type { GatewayEvent } from '../../../application/ports/PaymentGateway';
import type { InboxEntry, InboxStatus, WebhookInbox } from '../../../application/ports/WebhookInbox';
import { Money } from '../../../domain/shared/Money';
import type { Database } from '../Database';
import { isUniqueViolation } from '../Database';
import type { WebhookInboxRow } from '../entities/WebhookInboxEntity';
import { WebhookInboxEntity } from '../entities/WebhookInboxEntity';
import { toDate } from '../rowValues';

export class TypeOrmWebhookInbox implements WebhookInbox {
  constructor(private readonly db: Database) {}

  private get repo() {
    return this.db.manager().getRepository(WebhookInboxEntity);
  }

  async record(entry: { id: string; gateway: string; event: GatewayEvent; rawBody: Buffer; receivedAt: Date }): Promise<InboxEntry | null> {
    const { gateway, event } = entry;
    if (await this.repo.existsBy({ gateway, eventId: event.eventId })) return null;
    const row: WebhookInboxRow = {
      id: entry.id, gateway, eventId: event.eventId, kind: event.kind, event: JSON.stringify(event), rawBody: entry.rawBody.toString('utf8'),
      status: 'RECEIVED', error: null, attempts: 0, receivedAt: entry.receivedAt, processedAt: null,
    };
    try {
      await this.repo.insert(row);
    } catch (error) {
      // Two deliveries of one event at once: the unique index keeps one.
      if (isUniqueViolation(error)) return null;
      throw error;
    }
    return toEntry(row);
  }

  async findById(id: string): Promise<InboxEntry | null> {
    const row = await this.repo.findOneBy({ id });
    return row ? toEntry(row) : null;
  }

  async settle(id: string, outcome: { status: 'PROCESSED' | 'FAILED'; error: string | null }, now: Date): Promise<void> {
    await this.repo.createQueryBuilder().update()
      .set({ status: outcome.status, error: outcome.error?.slice(0, 500) ?? null, attempts: () => 'attempts + 1', processedAt: outcome.status === 'PROCESSED' ? now : null })
      .where('id = :id', { id }).execute();
  }

  async list(filter: { failed: boolean; limit: number }): Promise<InboxEntry[]> {
    const rows = await this.repo.find({ where: filter.failed ? { status: 'FAILED' } : {}, order: { receivedAt: 'DESC', id: 'ASC' }, take: filter.limit });
    return rows.map(toEntry);
  }
}

type StoredEvent =
  | { kind: 'payment'; eventId: string; verified: Omit<Extract<GatewayEvent, { kind: 'payment' }>['verified'], 'amount'> & { amount: { minor: number; currency: string } } }
  | Exclude<GatewayEvent, { kind: 'payment' }>;

function toEntry(row: WebhookInboxRow): InboxEntry {
  const stored = JSON.parse(row.event) as StoredEvent;
  const event: GatewayEvent = stored.kind === 'payment'
    ? { ...stored, verified: { ...stored.verified, amount: Money.ofMinor(stored.verified.amount.minor, stored.verified.amount.currency) } }
    : stored;
  return {
    id: row.id, gateway: row.gateway, eventId: row.eventId, event, status: row.status as InboxStatus, error: row.error, attempts: Number(row.attempts),
    receivedAt: toDate(row.receivedAt)!, processedAt: toDate(row.processedAt),
  };
}
