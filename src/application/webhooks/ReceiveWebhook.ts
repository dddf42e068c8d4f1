import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { NotFound, ValidationFailed } from '../../domain/shared/errors';
import type { Clock } from '../ports/Clock';
import type { IdGenerator } from '../ports/IdGenerator';
import type { Logger } from '../ports/Logger';
import type { GatewayEvent, PaymentGateway, WebhookDelivery } from '../ports/PaymentGateway';
import type { InboxEntry, WebhookInbox } from '../ports/WebhookInbox';
import type { UnitOfWork } from '../ports/UnitOfWork';
import type { ApplyGatewayEvent } from './ApplyGatewayEvent';

export interface Received {
  /** The delivery was stored before: nothing was done again. */
  duplicate: boolean;
  entry: InboxEntry | null;
}

/**
 * A webhook delivery to POST /payment/webhook/:gateway: verified by the configured gateway on its
 * raw body, stored once per gateway event in the inbox, then applied. A duplicate changes nothing;
 * a failure to apply is kept with its error for `payment webhook replay`.
 */
export class ReceiveWebhook {
  constructor(
    private readonly gateway: PaymentGateway,
    private readonly inbox: WebhookInbox,
    private readonly apply: ApplyGatewayEvent,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
    private readonly logger: Logger,
  ) {}

  async execute(input: { gateway: string; delivery: WebhookDelivery }): Promise<Received> {
    if (input.gateway !== this.gateway.name) throw new NotFound(`Payment gateway ${input.gateway} is not configured`, ERROR_CODES.WEBHOOK.NOT_CONFIGURED);
    const event = await this.gateway.verifyWebhook(input.delivery);
    if (!event) {
      this.logger.warn({ gateway: input.gateway }, 'webhook delivery not verified; nothing stored');
      throw new ValidationFailed('The delivery is unsigned, mis-signed or not vouched for by the gateway', [{ path: 'signature', message: 'could not be verified' }], ERROR_CODES.WEBHOOK.SIGNATURE_INVALID);
    }
    return this.store(event, input.delivery.rawBody);
  }

  /** Stores an event verified elsewhere (the legacy IPN route, verified by ConfirmPayment) so the inbox lists it and its repeats are duplicates. */
  async note(event: GatewayEvent, rawBody: Buffer): Promise<Received> {
    const entry = await this.uow.run(() => this.inbox.record({ id: this.ids.next(), gateway: this.gateway.name, event, rawBody, receivedAt: this.clock.now() }));
    if (entry) await this.uow.run(() => this.inbox.settle(entry.id, { status: 'PROCESSED', error: null }, this.clock.now()));
    return { duplicate: entry === null, entry };
  }

  private async store(event: GatewayEvent, rawBody: Buffer): Promise<Received> {
    const entry = await this.uow.run(() => this.inbox.record({ id: this.ids.next(), gateway: this.gateway.name, event, rawBody, receivedAt: this.clock.now() }));
    if (!entry) return { duplicate: true, entry: null };
    const { error } = await this.apply.execute(event).catch((failure: Error) => ({ error: failure.message }));
    await this.uow.run(() => this.inbox.settle(entry.id, { status: error ? 'FAILED' : 'PROCESSED', error }, this.clock.now()));
    if (error) this.logger.warn({ gateway: entry.gateway, eventId: entry.eventId, inboxId: entry.id, error }, 'webhook stored but not applied; replay it');
    return { duplicate: false, entry: await this.inbox.findById(entry.id) };
  }
}
