import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { NotFound } from '../../domain/shared/errors';
import type { Clock } from '../ports/Clock';
import type { InboxEntry, WebhookInbox } from '../ports/WebhookInbox';
import type { UnitOfWork } from '../ports/UnitOfWork';
import type { ApplyGatewayEvent } from './ApplyGatewayEvent';

/** Applies a stored delivery again (after a failure was fixed); safe on a processed one: applying is by current state. */
export class ReplayWebhook {
  constructor(private readonly inbox: WebhookInbox, private readonly apply: ApplyGatewayEvent, private readonly clock: Clock, private readonly uow: UnitOfWork) {}

  async execute(id: string): Promise<InboxEntry> {
    const entry = await this.inbox.findById(id);
    if (!entry) throw NotFound.of('Webhook delivery', ERROR_CODES.WEBHOOK.NOT_FOUND);
    const { error } = await this.apply.execute(entry.event).catch((failure: Error) => ({ error: failure.message }));
    await this.uow.run(() => this.inbox.settle(entry.id, { status: error ? 'FAILED' : 'PROCESSED', error }, this.clock.now()));
    return (await this.inbox.findById(id))!;
  }
}
