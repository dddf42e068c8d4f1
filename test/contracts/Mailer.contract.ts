import path from 'node:path';
import type { Mailer } from '../../src/application/ports/Mailer';
import { HandlebarsTemplateRenderer } from '../../src/infrastructure/templates/HandlebarsTemplateRenderer';

/** A message as the receiving side saw it (parsed from the wire format for the real adapters). */
export interface ReceivedMail {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; content: Buffer }[];
}

export interface MailerSubject {
  mailer: Mailer;
  /** Everything delivered so far, oldest first. */
  received(): Promise<ReceivedMail[]>;
  close?(): Promise<void>;
}

const templates = new HandlebarsTemplateRenderer(path.join(__dirname, '../../templates'), { brandName: 'TourDesk' });

/**
 * What every Mailer must deliver, run against the fake, the `.eml` outbox and SMTP alike. `dedupesRetries`: the
 * adapter can tell a message it already delivered (an outbox it owns); SMTP cannot, it only keeps the Message-ID stable.
 */
export function describeMailerContract(name: string, make: () => Promise<MailerSubject>, capabilities: { dedupesRetries: boolean }): void {
  describe(`Mailer contract: ${name}`, () => {
    let subject: MailerSubject;

    beforeEach(async () => {
      subject = await make();
    });
    afterEach(async () => {
      await subject.close?.();
    });

    test('delivers the verification mail: recipient, subject, and the code in both parts', async () => {
      const content = templates.email('verification-code', { name: 'Rahim Uddin', code: '048213', expiresInMinutes: 5 });
      const { messageId } = await subject.mailer.send({ to: 'rahim@example.com', ...content });
      expect(messageId).toEqual(expect.any(String));
      const [mail] = await subject.received();
      expect(mail.to).toBe('rahim@example.com');
      expect(mail.subject).toBe('Your TourDesk verification code: 048213');
      expect(mail.text).toContain('048213');
      expect(mail.text).toContain('expires in 5 minutes');
      expect(mail.html).toContain('048213');
      expect(mail.html).toContain('Hello Rahim Uddin');
    });

    test('keeps non-ASCII text and escapes markup in the HTML part', async () => {
      const content = templates.email('verification-code', { name: 'রহিম <b>Uddin</b>', code: '111111', expiresInMinutes: 5 });
      await subject.mailer.send({ to: 'rahim@example.com', ...content });
      const [mail] = await subject.received();
      expect(mail.text).toContain('রহিম <b>Uddin</b>');
      expect(mail.html).toContain('রহিম &lt;b&gt;Uddin&lt;/b&gt;');
    });

    test('carries attachments byte for byte', async () => {
      const pdf = Buffer.from('%PDF-1.4\n% fake invoice \u00e9\n%%EOF\n', 'latin1');
      const content = templates.email('invoice', { name: 'Rahim', invoiceNumber: 'INV-2026-000001', tourTitle: 'Sajek Valley', total: '25,000.00 BDT', paidAt: '1 March 2026' });
      await subject.mailer.send({ to: 'rahim@example.com', ...content, attachments: [{ filename: 'INV-2026-000001.pdf', contentType: 'application/pdf', content: pdf }] });
      const [mail] = await subject.received();
      expect(mail.subject).toBe('TourDesk invoice INV-2026-000001: Sajek Valley');
      expect(mail.text).toContain('25,000.00 BDT');
      expect(mail.attachments).toHaveLength(1);
      expect(mail.attachments[0]).toMatchObject({ filename: 'INV-2026-000001.pdf', contentType: 'application/pdf' });
      expect(mail.attachments[0].content.equals(pdf)).toBe(true);
    });

    test('a message sent again under its idempotency key keeps its Message-ID, the one the receiver sees', async () => {
      const mail = { to: 'rahim@example.com', subject: 'Your booking is confirmed', text: 'see you', html: '<p>see you</p>', idempotencyKey: 'booking-confirmation.pay-1' };
      const first = await subject.mailer.send(mail);
      const retry = await subject.mailer.send(mail);
      expect(retry.messageId).toBe(first.messageId);
      const delivered = await subject.received();
      expect(delivered.length).toBeGreaterThan(0);
      expect(delivered.map((m) => m.messageId)).toEqual(delivered.map(() => first.messageId));
    });

    test('other keys and unkeyed messages get Message-IDs of their own', async () => {
      const base = { to: 'rahim@example.com', subject: 'Hi', text: 'hello', html: '<p>hello</p>' };
      const ids = [
        (await subject.mailer.send({ ...base, idempotencyKey: 'booking-confirmation.pay-1' })).messageId,
        (await subject.mailer.send({ ...base, idempotencyKey: 'invoice.pay-1' })).messageId,
        (await subject.mailer.send(base)).messageId,
        (await subject.mailer.send(base)).messageId,
      ];
      expect(new Set(ids).size).toBe(4);
      expect((await subject.received()).map((m) => m.messageId)).toEqual(ids);
    });

    if (capabilities.dedupesRetries) {
      test('a retry under the same idempotency key is delivered once; other messages still go out', async () => {
        const confirmation = { to: 'rahim@example.com', subject: 'Your booking is confirmed', text: 'see you', html: '<p>see you</p>', idempotencyKey: 'booking-confirmation.pay-2' };
        await subject.mailer.send(confirmation);
        await subject.mailer.send({ to: 'karim@example.com', subject: 'Another', text: 'x', html: '<p>x</p>' });
        await Promise.all([subject.mailer.send(confirmation), subject.mailer.send(confirmation)]);
        expect((await subject.received()).map((m) => [m.to, m.subject])).toEqual([['rahim@example.com', 'Your booking is confirmed'], ['karim@example.com', 'Another']]);
      });
    }

    test('delivers each message separately, in order', async () => {
      await subject.mailer.send({ to: 'a@example.com', subject: 'first', text: 'one', html: '<p>one</p>' });
      await subject.mailer.send({ to: 'b@example.com', subject: 'second', text: 'two', html: '<p>two</p>' });
      const mails = await subject.received();
      expect(mails.map((m) => [m.to, m.subject])).toEqual([['a@example.com', 'first'], ['b@example.com', 'second']]);
    });
  });
}
