import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Mailer, OutgoingMail } from '../../application/ports/Mailer';
import { DependencyUnavailable } from '../../domain/shared/errors';
import { PRIVATE_DIR, PRIVATE_FILE } from '../system/privateFiles';
import { keyToken, messageIdFor } from './messageId';

const EML = '.eml';

/**
 * The embedded outbox: one RFC 5322 file per message, byte for byte what SMTP would carry, named
 * `<time>-<sequence>-<key or random id>.eml`. A message sent again under the same idempotency key (a job
 * retried after a crash) is recognised by its name and not written twice. Each file is written under a
 * temporary name in the same directory, flushed, and renamed into place, so readers never see half a message.
 */
export class EmlFileMailer implements Mailer {
  private readonly transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  /** Keeps file names in sending order within one millisecond. */
  private sequence = 0;
  /** Sends of one key in this process, one after another, so two racing retries cannot both miss the other's file. */
  private readonly inFlight = new Map<string, Promise<{ messageId: string }>>();

  constructor(private readonly directory: string, private readonly from: string) {}

  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    if (!mail.idempotencyKey) return this.write(mail, randomUUID(), undefined);
    const token = keyToken(mail.idempotencyKey);
    const messageId = messageIdFor(mail.idempotencyKey, this.from);
    const previous = this.inFlight.get(token) ?? Promise.resolve(null);
    const sending = previous.catch(() => null).then(async () => ((await this.alreadyWritten(token)) ? { messageId } : this.write(mail, token, messageId)));
    this.inFlight.set(token, sending);
    try {
      return await sending;
    } finally {
      if (this.inFlight.get(token) === sending) this.inFlight.delete(token);
    }
  }

  private async alreadyWritten(token: string): Promise<boolean> {
    const suffix = `-${token}${EML}`;
    try {
      return (await fs.readdir(this.directory)).some((name) => name.endsWith(suffix));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw new DependencyUnavailable('mail outbox', `Could not read ${this.directory}: ${(error as Error).message}`);
    }
  }

  private async write(mail: OutgoingMail, token: string, messageId: string | undefined): Promise<{ messageId: string }> {
    const { idempotencyKey: _key, ...content } = mail;
    const info = await this.transport.sendMail({ from: this.from, ...content, ...(messageId ? { messageId } : {}) });
    const name = `${Date.now()}-${String(++this.sequence % 1e6).padStart(6, '0')}-${token}${EML}`;
    const file = path.join(this.directory, name);
    const temporary = path.join(this.directory, `.${name}.tmp`);
    try {
      // Mails hold verification codes and reset links: readable by the service's user only.
      await fs.mkdir(this.directory, { recursive: true, mode: PRIVATE_DIR });
      const handle = await fs.open(temporary, 'wx', PRIVATE_FILE);
      try {
        await handle.writeFile(info.message as Buffer);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temporary, file);
    } catch (error) {
      await fs.rm(temporary, { force: true }).catch(() => undefined);
      throw new DependencyUnavailable('mail outbox', `Could not write ${file}: ${(error as Error).message}`);
    }
    return { messageId: info.messageId };
  }
}
