import type { Mailer, OutgoingMail } from '../../src/application/ports/Mailer';
import { DependencyUnavailable } from '../../src/domain/shared/errors';

/**
 * An outbox in memory: assert on `sent`. A message sent again under the same idempotency key is delivered once,
 * like the `.eml` outbox. `fail()` makes the next sends fail like a dead SMTP server.
 */
export class InMemoryMailer implements Mailer {
  readonly sent: (OutgoingMail & { messageId: string })[] = [];
  private failing = false;

  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    if (this.failing) throw new DependencyUnavailable('smtp');
    const messageId = mail.idempotencyKey ? `<${mail.idempotencyKey}@in-memory>` : `<${this.sent.length + 1}@in-memory>`;
    if (!this.sent.some((m) => m.messageId === messageId)) this.sent.push({ ...mail, messageId });
    return { messageId };
  }

  fail(failing = true): void {
    this.failing = failing;
  }

  last(): OutgoingMail | undefined {
    return this.sent[this.sent.length - 1];
  }
}
