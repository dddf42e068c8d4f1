import { createHash } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { TourMother } from '../mothers/TourMother';
import { pdfText } from '../support/pdfText';
import { describeIf, realService } from '../support/services';
import type { TestApp} from '../support/testApp';
import { startTestApp } from '../support/testApp';
import { bookAndPayOnSandbox } from '../support/sandboxPayments';
import { verifiedTraveller } from '../support/travellers';

const ADMIN = { email: 'root@tourdesk.test', password: 'R00t!password' };
const PHONE = { phone: '01712345678', address: 'House 1, Road 2, Dhaka' };
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describeIf(realService('chrome') && realService('pdftotext'), 'credit notes over HTTP (real Chromium, pdftotext)', () => {
  let app: TestApp;
  let adminToken: string;
  const api = (path: string) => `/api/v1${path}`;

  beforeAll(async () => {
    app = await startTestApp({ SUPER_ADMIN_EMAIL: ADMIN.email, SUPER_ADMIN_PASSWORD: ADMIN.password, CHROME_PATH: realService('chrome')! });
    adminToken = (await app.request('POST', api('/auth/login'), { body: ADMIN })).body.data.accessToken;
  }, 60_000);
  afterAll(() => app?.stop());

  async function download(path: string, token: string): Promise<{ status: number; bytes: Buffer }> {
    const res = await fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
  }

  async function drain(until: () => Promise<boolean>) {
    const worker = app.server.createWorker();
    for (let i = 0; i < 8 && !(await until()); i++) await worker.drain();
  }

  test('a partial refund issues CN-YYYY-NNNNNN naming the invoice, amount and reason; mailed as a PDF; the invoice is unchanged byte for byte', async () => {
    const tour = await TourMother.insert(app.server.root.database, { title: 'Sajek Valley Cloud Walk', price: 12_500, maxGuest: 10 });
    const traveller = await verifiedTraveller(app, PHONE);
    const stranger = await verifiedTraveller(app, PHONE);
    const { paymentId } = await bookAndPayOnSandbox(app, traveller.token, tour.id, 2);
    const payment = { _id: paymentId };
    const invoiceMails = async () => (await app.mails()).filter((m) => /^Subject: .*invoice/im.test(m));
    await drain(async () => (await invoiceMails()).length > 0);
    const invoicePath = `/api/v1/payment/invoice/${payment._id}/download`;
    const invoiceBefore = await download(invoicePath, traveller.token);
    expect(invoiceBefore.status).toBe(200);
    const invoiceNumber = (await app.request('GET', api(`/payment/${payment._id}`), { token: traveller.token })).body.data.invoiceNumber;

    const refunded = await app.request('POST', api(`/payment/${payment._id}/refund`), { token: adminToken, body: { amount: 5_000.25, reason: 'One guest fell ill' } });
    expect(refunded.body.data.refund.state).toBe('COMPLETED');
    const creditMails = async () => (await app.mails()).filter((m) => /^Subject: .*credit note/im.test(m));
    await drain(async () => (await creditMails()).length > 0);

    const listed = await app.request('GET', api(`/payment/credit-notes/${payment._id}`), { token: traveller.token });
    expect(listed.status).toBe(200);
    expect(listed.body.data).toHaveLength(1);
    const note = listed.body.data[0];
    expect(note).toEqual(expect.objectContaining({ creditNoteNumber: expect.stringMatching(/^CN-\d{4}-\d{6}$/), invoiceNumber, amount: 5_000.25, currency: 'BDT', reason: 'One guest fell ill' }));

    const pdf = await download(note.download, traveller.token);
    expect(pdf.status).toBe(200);
    const text = await pdfText(pdf.bytes);
    expect(text).toContain(note.creditNoteNumber);
    expect(text).toContain(invoiceNumber);
    expect(text).toContain('5,000.25 BDT');
    expect(text).toContain('One guest fell ill');
    const [row] = await app.server.root.database.dataSource.query('SELECT sha256 FROM credit_notes WHERE id = ?', [note._id]);
    expect(sha(pdf.bytes)).toBe(row.sha256);

    const mails = await creditMails();
    expect(mails).toHaveLength(1);
    const mail = await simpleParser(mails[0]);
    expect(mail.subject).toContain(note.creditNoteNumber);
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([[`${note.creditNoteNumber}.pdf`, 'application/pdf']]);
    expect(sha(mail.attachments[0].content)).toBe(row.sha256);

    const invoiceAfter = await download(invoicePath, traveller.token);
    expect(invoiceAfter.bytes.equals(invoiceBefore.bytes)).toBe(true);

    expect((await download(note.download, adminToken)).status).toBe(200);
    expect((await download(note.download, stranger.token)).status).toBe(404);
    expect((await app.request('GET', api(`/payment/credit-notes/${payment._id}`), { token: stranger.token })).status).toBe(404);
  }, 90_000);
});
