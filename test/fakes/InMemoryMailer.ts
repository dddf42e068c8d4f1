import { Mailer, OutgoingMail } from '../../src/application/ports/Mailer';
import { DependencyUnavailable } from '../../src/domain/shared/errors';

/** An outbox in memory: assert on `sent`. `failWith` makes the next sends fail like a dead SMTP server. */
export class InMemoryMailer implements Mailer {
  readonly sent: OutgoingMail[] = [];
  private failing = false;

  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    if (this.failing) throw new DependencyUnavailable('smtp');
    this.sent.push(mail);
    return { messageId: `<${this.sent.length}@in-memory>` };
  }

  fail(failing = true): void {
    this.failing = failing;
  }

  last(): OutgoingMail | undefined {
    return this.sent[this.sent.length - 1];
  }
}
