import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { FakePdfRenderer } from '../fakes/FakePdfRenderer';
import { seedPayment } from '../integration/invoices/invoiceDbKit';
import { cliHarness } from './cliRuntime';

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const YEAR = new Date().getUTCFullYear();
const numberOf = (sequence: number) => `INV-${YEAR}-${String(sequence).padStart(6, '0')}`;

describe('admin CLI: invoice issue-missing, render, resend (fake PDF renderer)', () => {
  const renderer = new FakePdfRenderer();
  const cli = cliHarness({}, { ports: { pdfRenderer: renderer } });
  afterAll(() => cli.close());

  const db = async () => (await cli.getRoot()).database;
  const invoices = async () =>
    (await db()).dataSource.manager.createQueryBuilder().from('invoices', 'i')
      .select(['i.paymentId AS paymentId', 'i.number AS number', 'i.status AS status', 'i.objectKey AS objectKey', 'i.sha256 AS sha256'])
      .orderBy('i.sequence', 'ASC').getRawMany<{ paymentId: string; number: string; status: string; objectKey: string; sha256: string }>();
  const mails = () => {
    const dir = path.join(cli.varDir, 'mail');
    return fs.existsSync(dir) ? fs.readdirSync(dir).sort().map((f) => fs.readFileSync(path.join(dir, f))) : [];
  };

  let paid: string[] = [];
  let unpaid: string;

  beforeAll(async () => {
    paid = [];
    for (let i = 0; i < 3; i++) paid.push((await seedPayment(await db(), { title: `Sajek Valley trip ${i}` })).paymentId);
    unpaid = (await seedPayment(await db(), { status: 'UNPAID' })).paymentId;
  });

  test('issue-missing issues one invoice for every PAID payment, numbered without gaps; a second run finds none', async () => {
    const run = await cli.run('invoice', 'issue-missing');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.trim()).toBe('3 issued, 0 failed (of 3 without an invoice)');

    const rows = await invoices();
    expect(rows.map((r) => r.status)).toEqual(['ISSUED', 'ISSUED', 'ISSUED']);
    expect(rows.map((r) => r.number)).toEqual([numberOf(1), numberOf(2), numberOf(3)]);
    expect(rows.map((r) => r.paymentId).sort()).toEqual([...paid].sort());
    expect(rows.map((r) => r.paymentId)).not.toContain(unpaid);
    const storage = (await cli.getRoot()).ports.objectStorage;
    for (const row of rows) expect(sha((await storage.get(row.objectKey))!.bytes)).toBe(row.sha256);

    const again = await cli.run('invoice', 'issue-missing');
    expect([again.code, again.stdout.trim()]).toEqual([0, '0 issued, 0 failed (of 0 without an invoice)']);
    expect(await invoices()).toHaveLength(3);
  });

  test('issue-missing exits non-zero naming the payment that failed; a re-run issues it with the number it reserved', async () => {
    const late = (await seedPayment(await db(), { title: 'Bandarban hills' })).paymentId;
    renderer.failNext(1);
    const failed = await cli.run('invoice', 'issue-missing');
    expect(failed.code).not.toBe(0);
    expect(failed.stdout).toContain('0 issued, 1 failed (of 1 without an invoice)');
    expect(failed.stdout).toContain(`${late}: `);
    expect(failed.stderr).toMatch(/1 invoice\(s\) could not be issued/);
    expect((await invoices()).find((r) => r.paymentId === late)).toMatchObject({ status: 'DRAFT', number: numberOf(4) });

    const retried = await cli.run('invoice', 'issue-missing');
    expect([retried.code, retried.stdout.trim()]).toEqual([0, '1 issued, 0 failed (of 1 without an invoice)']);
    expect((await invoices()).map((r) => [r.number, r.status])).toEqual([1, 2, 3, 4].map((n) => [numberOf(n), 'ISSUED']));
  });

  test('render writes the PDF of an issued invoice to --out and records nothing', async () => {
    const [first] = await invoices();
    const out = path.join(cli.varDir, 'rendered', 'copy.pdf');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const before = await invoices();
    const run = await cli.run('invoice', 'render', '--payment', first.paymentId, '--out', out);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const pdf = fs.readFileSync(out);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(run.stdout.trim()).toBe(`${first.number}: ${pdf.length} bytes written to ${out}`);
    expect(pdf.toString('latin1')).toContain(first.number);
    expect(await invoices()).toEqual(before);

    // a payment without an invoice gets a preview number and still nothing is recorded
    const preview = path.join(cli.varDir, 'rendered', 'preview.pdf');
    const unissued = await cli.run('invoice', 'render', '--payment', unpaid, '--out', preview);
    expect(unissued.code).toBe(0);
    expect(unissued.stdout).toMatch(new RegExp(`^INV-${YEAR}-999999: \\d+ bytes written to `));
    expect(await invoices()).toEqual(before);

    const unknown = await cli.run('invoice', 'render', '--payment', 'no-such-payment', '--out', path.join(cli.varDir, 'x.pdf'));
    expect(unknown.code).toBe(4);
    expect(unknown.stderr).toMatch(/Payment not found/);
    expect(fs.existsSync(path.join(cli.varDir, 'x.pdf'))).toBe(false);
    expect((await cli.run('invoice', 'render', '--payment', first.paymentId)).code).not.toBe(0);
  });

  test('resend mails the same invoice with its stored PDF attached, every time, and issues nothing new', async () => {
    const [first] = await invoices();
    const before = await invoices();
    const mailsBefore = mails().length;
    for (let i = 0; i < 2; i++) {
      const run = await cli.run('invoice', 'resend', '--payment', first.paymentId);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout.trim()).toBe(`Invoice of payment ${first.paymentId} sent again`);
    }
    const sent = mails().slice(mailsBefore);
    expect(sent).toHaveLength(2);
    for (const raw of sent) {
      const mail = await simpleParser(raw);
      expect(mail.subject).toContain(first.number);
      expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([[`${first.number}.pdf`, 'application/pdf']]);
      expect(sha(mail.attachments[0].content)).toBe(first.sha256);
    }
    expect(await invoices()).toEqual(before);

    const none = await cli.run('invoice', 'resend', '--payment', unpaid);
    expect(none.code).toBe(4);
    expect(none.stderr).toMatch(/Invoice not found/);
    expect(mails()).toHaveLength(mailsBefore + 2);
  });

  test('each invoice command has --help', async () => {
    for (const command of ['resend', 'render', 'issue-missing']) {
      const help = await cli.run('invoice', command, '--help');
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`Usage: admin invoice ${command}`);
    }
  });
});
