import type { Transporter } from 'nodemailer';
import nodemailer from 'nodemailer';
import type { Mailer, OutgoingMail } from '../../application/ports/Mailer';
import { DependencyUnavailable } from '../../domain/shared/errors';
import { messageIdFor } from './messageId';

/**
 * SMTP delivery. SMTP cannot take back or recognise a repeated message; a message with an idempotency key
 * carries a Message-ID derived from it, the same on every retry, so the receiving side can. The URL decides the transport security: `smtps://` is TLS from the first
 * byte, `smtp://` upgrades with STARTTLS when the server offers it. Credentials ride in the URL.
 */
export class NodemailerMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(smtpUrl: string, private readonly from: string) {
    this.transport = nodemailer.createTransport(smtpUrl);
  }

  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    try {
      const { idempotencyKey, ...content } = mail;
      const info = await this.transport.sendMail({ from: this.from, ...content, ...(idempotencyKey ? { messageId: messageIdFor(idempotencyKey, this.from) } : {}) });
      return { messageId: info.messageId };
    } catch (error) {
      throw Object.assign(new DependencyUnavailable('smtp'), { cause: error });
    }
  }

  /** Connects and greets (and authenticates) without sending: the `/ready` check. */
  async verify(): Promise<void> {
    await this.transport.verify();
  }

  close(): void {
    this.transport.close();
  }
}
