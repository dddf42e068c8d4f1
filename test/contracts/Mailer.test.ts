import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressObject, ParsedMail} from 'mailparser';
import { simpleParser } from 'mailparser';
import { DependencyUnavailable } from '../../src/domain/shared/errors';
import { EmlFileMailer } from '../../src/infrastructure/mail/EmlFileMailer';
import { NodemailerMailer } from '../../src/infrastructure/mail/NodemailerMailer';
import { InMemoryMailer } from '../fakes/InMemoryMailer';
import { freePort } from '../support/freePort';
import { startSmtpServer } from '../support/smtpServer';
import type { ReceivedMail } from './Mailer.contract';
import { describeMailerContract } from './Mailer.contract';

const FROM = 'TourDesk <no-reply@tourdesk.test>';
/** The messages of an outbox directory, oldest first (a leftover temporary file is not one). */
const emlFiles = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.eml')).sort();

function received(mail: ParsedMail): ReceivedMail {
  const to = (Array.isArray(mail.to) ? mail.to : [mail.to]).filter((a): a is AddressObject => Boolean(a));
  return {
    messageId: mail.messageId ?? '',
    to: to.flatMap((a) => a.value.map((v) => v.address ?? '')).join(', '),
    subject: mail.subject ?? '',
    text: mail.text ?? '',
    html: typeof mail.html === 'string' ? mail.html : '',
    attachments: mail.attachments.map((a) => ({ filename: a.filename ?? '', contentType: a.contentType, content: a.content })),
  };
}

describeMailerContract('InMemoryMailer (fake)', async () => {
  const mailer = new InMemoryMailer();
  return {
    mailer,
    received: async () =>
      mailer.sent.map((m) => ({ messageId: m.messageId, to: m.to, subject: m.subject, text: m.text, html: m.html, attachments: (m.attachments ?? []).map((a) => ({ ...a })) })),
  };
}, { dedupesRetries: true });

describeMailerContract('EmlFileMailer (.eml outbox)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tourdesk-outbox-'));
  return {
    mailer: new EmlFileMailer(dir, FROM),
    received: async () => Promise.all(emlFiles(dir).map(async (f) => received(await simpleParser(fs.readFileSync(path.join(dir, f)))))),
    close: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}, { dedupesRetries: true });

describeMailerContract('NodemailerMailer (SMTP)', async () => {
  const server = await startSmtpServer();
  const mailer = new NodemailerMailer(`smtp://127.0.0.1:${server.port}`, FROM);
  return {
    mailer,
    received: async () => server.mails.map(received),
    close: async () => {
      mailer.close();
      await server.close();
    },
  };
}, { dedupesRetries: false });

describe('EmlFileMailer', () => {
  test('writes one RFC 5322 file per message with the sender and a Message-ID', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tourdesk-outbox-'));
    try {
      const { messageId } = await new EmlFileMailer(dir, FROM).send({ to: 'a@example.com', subject: 'Hi', text: 'hello', html: '<p>hello</p>' });
      const files = fs.readdirSync(dir);
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/\.eml$/);
      const raw = fs.readFileSync(path.join(dir, files[0]), 'utf8');
      expect(raw).toContain('\r\n');
      const parsed = await simpleParser(raw);
      expect(parsed.from?.value[0]).toMatchObject({ name: 'TourDesk', address: 'no-reply@tourdesk.test' });
      expect(parsed.messageId).toBe(messageId);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('EmlFileMailer retries and partial writes', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tourdesk-outbox-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const confirmation = { to: 'rahim@example.com', subject: 'Your booking is confirmed', text: 'see you', html: '<p>see you</p>', idempotencyKey: 'booking-confirmation.pay-9' };

  test('a retry from another writer on the same directory (a restarted worker) is recognised from the files', async () => {
    const first = await new EmlFileMailer(dir, FROM).send(confirmation);
    const retry = await new EmlFileMailer(dir, FROM).send(confirmation);
    expect(retry.messageId).toBe(first.messageId);
    expect(first.messageId).toBe('<booking-confirmation.pay-9@tourdesk.test>');
    expect(emlFiles(dir)).toHaveLength(1);
    expect(emlFiles(dir)[0]).toMatch(/^\d+-\d{6}-booking-confirmation\.pay-9\.eml$/);
  });

  test('a temporary file a crash left behind is not a message: the retry writes the real one', async () => {
    fs.writeFileSync(path.join(dir, '.1760000000000-000001-booking-confirmation.pay-9.eml.tmp'), 'Message-ID: <half');
    await new EmlFileMailer(dir, FROM).send(confirmation);
    const [file] = emlFiles(dir);
    expect((await simpleParser(fs.readFileSync(path.join(dir, file)))).subject).toBe('Your booking is confirmed');
  });

  test('readers never see half a message: every .eml that ever appears has its final size when first seen', async () => {
    const mailer = new EmlFileMailer(dir, FROM);
    const attachment = { filename: 'big.pdf', contentType: 'application/pdf', content: Buffer.alloc(3 * 1024 * 1024, 7) };
    const firstSeen = new Map<string, number>();
    let writing = true;
    const watching = (async () => {
      while (writing) {
        for (const name of emlFiles(dir)) if (!firstSeen.has(name)) firstSeen.set(name, fs.statSync(path.join(dir, name)).size);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    await Promise.all(Array.from({ length: 8 }, (_, i) => mailer.send({ to: `r${i}@example.com`, subject: `big ${i}`, text: 'x', html: '<p>x</p>', attachments: [attachment] })));
    writing = false;
    await watching;
    const finalSizes = new Map(emlFiles(dir).map((name) => [name, fs.statSync(path.join(dir, name)).size]));
    expect(finalSizes.size).toBe(8);
    expect(firstSeen.size).toBeGreaterThan(0);
    for (const [name, size] of firstSeen) expect({ name, size }).toEqual({ name, size: finalSizes.get(name) });
    expect(fs.readdirSync(dir).filter((f) => !f.endsWith('.eml'))).toEqual([]);
  });
});

describe('NodemailerMailer', () => {
  test('sends the envelope to the recipient and from MAIL_FROM', async () => {
    const server = await startSmtpServer();
    const mailer = new NodemailerMailer(`smtp://127.0.0.1:${server.port}`, FROM);
    try {
      await mailer.send({ to: 'rahim@example.com', subject: 'Hi', text: 'hello', html: '<p>hello</p>' });
      expect(server.envelopes).toEqual([['rahim@example.com']]);
      expect(server.mails[0].from?.value[0]).toMatchObject({ name: 'TourDesk', address: 'no-reply@tourdesk.test' });
      await expect(mailer.verify()).resolves.toBeUndefined();
    } finally {
      mailer.close();
      await server.close();
    }
  });

  test('a dead SMTP server is DependencyUnavailable(smtp), and verify() fails', async () => {
    const mailer = new NodemailerMailer(`smtp://127.0.0.1:${await freePort()}`, FROM);
    try {
      const sending = mailer.send({ to: 'rahim@example.com', subject: 'Hi', text: 'hello', html: '<p>hello</p>' });
      await expect(sending).rejects.toBeInstanceOf(DependencyUnavailable);
      await expect(sending).rejects.toMatchObject({ dependency: 'smtp' });
      await expect(mailer.verify()).rejects.toThrow();
    } finally {
      mailer.close();
    }
  });
});
