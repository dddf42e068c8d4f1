import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { Mailer, OutgoingMail } from '../../application/ports/Mailer';
import { DependencyUnavailable } from '../../domain/shared/errors';
import { PRIVATE_DIR, PRIVATE_FILE } from '../system/privateFiles';

/** The embedded outbox: one RFC 5322 file per message, byte for byte what SMTP would carry. */
export class EmlFileMailer implements Mailer {
  private readonly transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  /** Keeps file names in sending order within one millisecond. */
  private sequence = 0;

  constructor(private readonly directory: string, private readonly from: string) {}

  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    const info = await this.transport.sendMail({ from: this.from, ...mail });
    const file = path.join(this.directory, `${Date.now()}-${String(++this.sequence % 1e6).padStart(6, '0')}-${randomUUID()}.eml`);
    try {
      // Mails hold verification codes and reset links: readable by the service's user only.
      await fs.mkdir(this.directory, { recursive: true, mode: PRIVATE_DIR });
      await fs.writeFile(file, info.message as Buffer, { mode: PRIVATE_FILE });
    } catch (error) {
      throw new DependencyUnavailable('mail outbox', `Could not write ${file}: ${(error as Error).message}`);
    }
    return { messageId: info.messageId };
  }
}
