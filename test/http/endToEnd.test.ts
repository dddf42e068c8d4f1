import { createHash } from 'node:crypto';
import type { ParsedMail} from 'mailparser';
import { simpleParser } from 'mailparser';
import type { LoggedIn} from '../support/accounts';
import { loginSuperAdmin, startAppWithSuperAdmin } from '../support/accounts';
import { pdfText } from '../support/pdfText';
import { describeIf, realService } from '../support/services';
import { freePort } from '../support/freePort';
import type { TestBrowser} from '../support/browser';
import { launchTestBrowser } from '../support/browser';
import type { TestApp } from '../support/testApp';
import { startFrontend } from '../support/frontend';

const API = '/api/v1';
const PASSWORD = 'Str0ng!pass';
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const INVOICE_NUMBER = /^INV-\d{4}-\d{6}$/;


/**
 * One traveller's whole journey on the embedded defaults (SQLite, .eml outbox, local object store,
 * sandbox gateway, pooled Chromium), over real sockets, with the real job worker.
 */
describe('end to end on the embedded defaults', () => {
  let app: TestApp;
  let frontend: Awaited<ReturnType<typeof startFrontend>>;
  let admin: LoggedIn;
  let n = 0;
  const chrome = realService('chrome');

  beforeAll(async () => {
    frontend = await startFrontend();
    const port = await freePort();
    // PUBLIC_URL is the app's own address, so the gateway's redirects and the download links work as served.
    app = await startAppWithSuperAdmin({ PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, FRONTEND_URL: frontend.url, ...(chrome ? { CHROME_PATH: chrome } : {}) });
    admin = await loginSuperAdmin(app);
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
    await frontend?.stop();
  });

  const parsedMails = async () => Promise.all((await app.mails()).map((raw) => simpleParser(raw)));
  const addressedTo = (mail: ParsedMail, email: string) => JSON.stringify(mail.to).toLowerCase().includes(email.toLowerCase());

  /** Registers, reads the code from the .eml as a person would, verifies, logs in and fills in phone and address. */
  async function traveller(): Promise<{ id: string; email: string; token: string }> {
    n += 1;
    const email = `journey${n}-${Date.now()}@example.com`;
    const registered = await app.request('POST', `${API}/user/register`, { body: { name: `Nusrat Jahan ${n}`, email, password: PASSWORD } });
    expect(registered.status).toBe(201);
    expect(registered.body.data.isVerified).toBe(false);
    const unverified = await app.request('POST', `${API}/auth/login`, { body: { email, password: PASSWORD } });
    expect([unverified.status, unverified.body.message]).toEqual([403, 'User is not verified']);

    const codeMail = (await parsedMails()).filter((m) => addressedTo(m, email)).pop();
    const code = /\b(\d{6})\b/.exec(codeMail?.text ?? '')?.[1];
    expect(code).toBeDefined();
    const verified = await app.request('POST', `${API}/otp/verify`, { body: { email, otp: code } });
    expect(verified.status).toBe(200);

    const login = await app.request('POST', `${API}/auth/login`, { body: { email, password: PASSWORD } });
    expect(login.status).toBe(200);
    const token: string = login.body.data.accessToken;
    const id: string = login.body.data.user._id;
    const profile = await app.request('PATCH', `${API}/user/${id}`, { token, body: { phone: '01712345678', address: 'House 9, Road 3, Banani, Dhaka' } });
    expect(profile.status).toBe(200);
    expect(profile.body.data).toMatchObject({ phone: expect.stringContaining('1712345678'), address: 'House 9, Road 3, Banani, Dhaka' });
    return { id, email, token };
  }

  /** An admin builds a tour through the catalogue routes. */
  async function tour(title: string): Promise<{ id: string; title: string }> {
    const as = { token: admin.accessToken };
    const division = await app.request('POST', `${API}/division/create`, { ...as, body: { name: `Chattogram ${n}-${Date.now()}` } });
    expect(division.status).toBe(201);
    const tourType = await app.request('POST', `${API}/tour/create-tour-type`, { ...as, body: { name: `Hill trek ${n}-${Date.now()}` } });
    expect(tourType.status).toBe(201);
    const year = new Date().getUTCFullYear() + 1;
    const created = await app.request('POST', `${API}/tour/create`, {
      ...as,
      body: {
        title, description: 'Clouds over the hills', location: 'Rangamati', costFrom: 12500, startDate: `${year}-02-01T02:00:00.000Z`, endDate: `${year}-02-03T14:00:00.000Z`,
        included: ['Jeep'], excluded: [], amenities: [], tourPlan: ['Day 1: Khagrachari'], maxGuest: 10, division: division.body.data._id, tourType: tourType.body.data._id,
      },
    });
    expect(created.status).toBe(201);
    return { id: created.body.data._id, title };
  }

  async function book(token: string, tourId: string, guestCount: number) {
    const created = await app.request('POST', `${API}/booking`, { token, body: { tour: tourId, guestCount } });
    expect(created.status).toBe(201);
    return created.body.data as { booking: { _id: string }; payment: { id: string; transactionId: string; status: string }; paymentUrl: string };
  }

  test('the sandbox form submitted the way the page does (no browser) pays; the booking shows the payment, no invoice yet', async () => {
    const user = await traveller();
    const { id: tourId } = await tour('Sajek Valley by form');
    const { booking, payment, paymentUrl } = await book(user.token, tourId, 1);
    expect(payment.status).toBe('UNPAID');

    const page = await app.request('GET', paymentUrl);
    expect(page.status).toBe(200);
    const action = /<form method="post" action="([^"]+)"/.exec(page.body)![1].replace(/&#x3D;/g, '=');
    const chosen = await app.request('POST', action, { body: new URLSearchParams({ outcome: 'PAID' }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(chosen.status).toBe(302);
    const callback = await app.request('GET', chosen.headers.get('location')!);
    expect(callback.status).toBe(302);
    const landed = new URL(callback.headers.get('location')!);
    expect([landed.origin + landed.pathname, landed.searchParams.get('status')]).toEqual([`${frontend.url}/payment/success`, 'PAID']);

    const seen = await app.request('GET', `${API}/payment/${payment.id}`, { token: user.token });
    expect(seen.body.data).toMatchObject({ status: 'PAID', amount: 12500, currency: 'BDT', invoiceNumber: null });
    const detail = await app.request('GET', `${API}/booking/${booking._id}`, { token: user.token });
    expect(detail.body.data).toMatchObject({ status: 'COMPLETE', payment: { _id: payment.id, status: 'PAID', invoiceNumber: null } });
  }, 60_000);

  describeIf(chrome, 'with real Chromium: checkout in a browser, the invoice PDF rendered by the pooled renderer', () => {
    let chromium: TestBrowser;
    beforeAll(async () => {
      chromium = await launchTestBrowser();
    }, 60_000);
    afterAll(async () => {
      await chromium?.close();
    });

    test('register, verify, book, click Pay, run the worker: PAID with an invoice mailed, downloadable with the same bytes, hidden from others', async () => {
      const user = await traveller();
      const stranger = await traveller();
      const { id: tourId, title } = await tour('Sajek Valley Escape');
      const { booking, payment, paymentUrl } = await book(user.token, tourId, 2);

      const page = await chromium.browser.newPage();
      try {
        await page.goto(paymentUrl, { waitUntil: 'load' });
        expect(await page.$eval('#amount', (el) => el.textContent)).toBe('25,000.00 BDT');
        await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('button[value="PAID"]')]);
        const landed = new URL(page.url());
        expect(landed.origin + landed.pathname).toBe(`${frontend.url}/payment/success`);
        expect(landed.searchParams.get('transactionId')).toBe(payment.transactionId);
      } finally {
        await page.close();
      }

      const worker = app.server.createWorker();
      const isInvoiceMail = (m: ParsedMail) => addressedTo(m, user.email) && m.attachments.length > 0;
      for (let round = 0; round < 5 && !(await parsedMails()).some(isInvoiceMail); round++) await worker.drain();
      expect(await worker.drain()).toBe(0);

      const paid = await app.request('GET', `${API}/payment/${payment.id}`, { token: user.token });
      expect(paid.status).toBe(200);
      expect(paid.body.data).toMatchObject({ status: 'PAID', amount: 25000, currency: 'BDT' });
      const invoiceNumber: string = paid.body.data.invoiceNumber;
      expect(invoiceNumber).toMatch(INVOICE_NUMBER);

      const mine = await app.request('GET', `${API}/booking/my-bookings`, { token: user.token });
      expect(mine.body.data.map((b: { payment: { invoiceNumber: string } }) => b.payment.invoiceNumber)).toEqual([invoiceNumber]);
      const detail = await app.request('GET', `${API}/booking/${booking._id}`, { token: user.token });
      expect(detail.body.data).toMatchObject({ status: 'COMPLETE', payment: { _id: payment.id, status: 'PAID', invoiceNumber } });
      const asAdmin = await app.request('GET', `${API}/booking/${booking._id}`, { token: admin.accessToken });
      expect(asAdmin.body.data.payment.invoiceNumber).toBe(invoiceNumber);

      const invoiceMails = (await parsedMails()).filter(isInvoiceMail);
      expect(invoiceMails).toHaveLength(1);
      expect(invoiceMails[0].subject).toContain(invoiceNumber);
      expect(invoiceMails[0].attachments.map((a) => [a.filename, a.contentType])).toEqual([[`${invoiceNumber}.pdf`, 'application/pdf']]);
      const attached = invoiceMails[0].attachments[0].content;
      if (realService('pdftotext')) {
        const text = await pdfText(attached);
        expect(text).toContain(invoiceNumber);
        expect(text).toContain(title);
        expect(text).toContain('25,000.00');
      }

      const link = await app.request('GET', `${API}/payment/invoice/${payment.id}`, { token: user.token });
      expect(link.status).toBe(200);
      expect(link.body.data.invoiceNumber).toBe(invoiceNumber);
      const served = await fetch(link.body.data.url);
      expect(served.status).toBe(200);
      const viaLink = Buffer.from(await served.arrayBuffer());
      expect(sha(viaLink)).toBe(sha(attached));
      const download = await fetch(`${app.url}${API}/payment/invoice/${payment.id}/download`, { headers: { authorization: `Bearer ${user.token}` } });
      expect([download.status, download.headers.get('content-type')]).toEqual([200, 'application/pdf']);
      expect(sha(Buffer.from(await download.arrayBuffer()))).toBe(sha(attached));

      for (const route of [`/payment/${payment.id}`, `/payment/invoice/${payment.id}`, `/payment/invoice/${payment.id}/download`, `/booking/${booking._id}`]) {
        expect([route, (await app.request('GET', `${API}${route}`, { token: stranger.token })).status]).toEqual([route, 404]);
      }
      expect((await app.request('GET', `${API}/booking/my-bookings`, { token: stranger.token })).body.data).toEqual([]);
    }, 120_000);
  });
});
