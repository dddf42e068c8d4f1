import { createHash } from 'node:crypto';
import { simpleParser } from 'mailparser';
import type { LoggedIn} from '../support/accounts';
import { loginSuperAdmin, startAppWithSuperAdmin, verifiedUser } from '../support/accounts';
import { describeIf, realService } from '../support/services';
import type { TestApp } from '../support/testApp';
import { seedPayment } from '../integration/invoices/invoiceDbKit';

describe('invoice routes', () => {
  let app: TestApp;
  let admin: LoggedIn;
  let traveller: LoggedIn;
  let stranger: LoggedIn;
  let paymentId: string;

  beforeAll(async () => {
    app = await startAppWithSuperAdmin(realService('chrome') ? { CHROME_PATH: realService('chrome')! } : {});
    admin = await loginSuperAdmin(app);
    traveller = await verifiedUser(app, admin);
    stranger = await verifiedUser(app, admin);
    const db = app.server.root.database;
    paymentId = (await seedPayment(db, { userId: traveller.id, title: 'Srimangal Tea Garden Walk' })).paymentId;
  }, 60_000);
  afterAll(() => app?.stop());

  test('404 until the invoice is issued, and without a token 401', async () => {
    expect((await app.request('GET', `/api/v1/payment/invoice/${paymentId}`, { token: traveller.accessToken })).status).toBe(404);
    expect((await app.request('GET', `/api/v1/payment/invoice/${paymentId}/download`, { token: traveller.accessToken })).status).toBe(404);
    expect((await app.request('GET', `/api/v1/payment/invoice/${paymentId}`)).status).toBe(401);
  });

  describeIf(realService('chrome'), 'with real Chromium', () => {
    test('the worker issues and mails the invoice; the link and the download serve the same PDF; others get 404', async () => {
      const { ports, database } = app.server.root;
      await ports.unitOfWork.run(() =>
        ports.jobQueue.enqueue({ type: 'IssueInvoice', payload: { paymentId }, dedupeKey: `IssueInvoice:${paymentId}` }));
      const worker = app.server.createWorker();
      const invoiceMails = async () => (await app.mails()).filter((m) => /^Subject: .*invoice/im.test(m));
      for (let i = 0; i < 5 && (await invoiceMails()).length === 0; i++) await worker.drain();

      const link = await app.request('GET', `/api/v1/payment/invoice/${paymentId}`, { token: traveller.accessToken });
      expect(link.status).toBe(200);
      const { url, expiresAt, invoiceNumber } = link.body.data;
      expect(invoiceNumber).toMatch(/^INV-\d{4}-\d{6}$/);
      const ttl = new Date(expiresAt).getTime() - Date.now();
      expect(ttl).toBeGreaterThan(9 * 60_000);
      expect(ttl).toBeLessThanOrEqual(10 * 60_000);

      // The link is built on PUBLIC_URL; the test app listens on a random port instead.
      const served = new URL(url);
      const viaLinkResponse = await fetch(`${app.url}${served.pathname}${served.search}`);
      expect(viaLinkResponse.status).toBe(200);
      const viaLink = Buffer.from(await viaLinkResponse.arrayBuffer());
      const download = await fetch(`${app.url}/api/v1/payment/invoice/${paymentId}/download`, { headers: { authorization: `Bearer ${traveller.accessToken}` } });
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe('application/pdf');
      expect(download.headers.get('content-disposition')).toBe(`attachment; filename="${invoiceNumber}.pdf"`);
      const downloaded = Buffer.from(await download.arrayBuffer());
      const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
      const row = await database.dataSource.manager.createQueryBuilder().from('invoices', 'i').select('i.sha256', 'sha256').where('i.paymentId = :paymentId', { paymentId }).getRawOne();
      expect(sha(viaLink)).toBe(row.sha256);
      expect(sha(downloaded)).toBe(row.sha256);

      const mails = await invoiceMails();
      expect(mails).toHaveLength(1);
      const mail = await simpleParser(mails[0]);
      expect(mail.to && 'text' in mail.to ? mail.to.text : '').toContain(traveller.email);
      expect(mail.subject).toContain(invoiceNumber);
      expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([[`${invoiceNumber}.pdf`, 'application/pdf']]);
      expect(sha(mail.attachments[0].content)).toBe(row.sha256);

      expect((await app.request('GET', `/api/v1/payment/invoice/${paymentId}`, { token: admin.accessToken })).status).toBe(200);
      expect((await app.request('GET', `/api/v1/payment/invoice/${paymentId}`, { token: stranger.accessToken })).status).toBe(404);
      expect((await app.request('GET', `/api/v1/payment/invoice/${paymentId}/download`, { token: stranger.accessToken })).status).toBe(404);
    }, 60_000);
  });
});
