import type { InboxEntry, WebhookInbox } from '../ports/WebhookInbox';

/** The inbox's deliveries, newest first; `failed` keeps those whose processing failed. */
export class ListWebhooks {
  constructor(private readonly inbox: WebhookInbox) {}

  execute(input: { failed: boolean; limit?: number }): Promise<InboxEntry[]> {
    return this.inbox.list({ failed: input.failed, limit: input.limit ?? 100 });
  }
}
