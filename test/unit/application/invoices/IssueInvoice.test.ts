import { createHash } from 'node:crypto';
import { OUTBOX_JOBS } from '../../../../src/application/jobs/outboxJobs';
import { Invoice } from '../../../../src/domain/invoice/Invoice';
import { Conflict, NotFound } from '../../../../src/domain/shared/errors';
import { visibleText } from '../../../fakes/FakePdfRenderer';
import { BillingRecordMother } from '../../../mothers/BillingRecordMother';
import { ISSUE_LEASE_MS, invoiceKit } from './invoiceKit';

describe('IssueInvoice', () => {
  test('issues INV-YYYY-000001, stores the PDF under a key from the number, and records its size and SHA-256', async () => {
    const kit = invoiceKit();
    const bill = kit.billing.add(BillingRecordMother.paid());

    const invoice = await kit.issueInvoice.execute({ paymentId: bill.paymentId });

    expect(invoice.number.value).toBe('INV-2026-000001');
    expect(invoice.status).toBe('ISSUED');
    expect(invoice.objectKey).toBe('invoices/2026/INV-2026-000001.pdf');
    const stored = await kit.storage.get(invoice.objectKey);
    expect(stored?.contentType).toBe('application/pdf');
    expect(invoice.byteSize).toBe(stored!.bytes.length);
    expect(invoice.sha256).toBe(createHash('sha256').update(stored!.bytes).digest('hex'));
    expect(invoice.billed?.guestCount).toBe(2);
    expect(invoice.billed?.unitPrice.format()).toBe('12,500.00 BDT');
    expect(invoice.billed?.total.format()).toBe('25,000.00 BDT');
    expect((await kit.invoices.findByPaymentId(bill.paymentId))?.sha256).toBe(invoice.sha256);
    expect(kit.jobs.ofType(OUTBOX_JOBS.sendInvoiceEmail.type)).toEqual([expect.objectContaining({ payload: { paymentId: bill.paymentId } })]);
  });

  test('prints seller, number, bill-to, tour, guests × unit price, total, transaction and paid date', async () => {
    const kit = invoiceKit();
    const bill = kit.billing.add(BillingRecordMother.paid());
    await kit.issueInvoice.execute({ paymentId: bill.paymentId });
    const text = visibleText(kit.pdf.rendered[0]).join('\n');
    for (const expected of ['TourDesk Travel Ltd.', 'Dhanmondi', 'INV-2026-000001', '1 March 2026', 'Ayesha Rahman', bill.customer.email, '+8801711000000',
      'Road 7, Gulshan, Dhaka', "Cox's Bazar Sea Beach Getaway", '10 April 2026 – 13 April 2026', '12,500.00 BDT', '25,000.00 BDT', bill.transactionId]) {
      expect(text).toContain(expected);
    }
  });

  test('a hostile tour title reaches the renderer escaped, and prints as text', async () => {
    const kit = invoiceKit();
    const title = '<img src=http://127.0.0.1:9/leak><iframe src=file:///etc/passwd></iframe>';
    const bill = kit.billing.add(BillingRecordMother.paid({ tour: { title, startDate: null, endDate: null } }));
    await kit.issueInvoice.execute({ paymentId: bill.paymentId });
    const html = kit.pdf.rendered[0];
    expect(html).not.toContain('<img src=http');
    expect(html).not.toContain('<iframe');
    expect(visibleText(html).join('\n')).toContain(title);
  });

  test('a second run returns the same invoice without a new number, render or email', async () => {
    const kit = invoiceKit();
    const bill = kit.billing.add(BillingRecordMother.paid());
    const first = await kit.issueInvoice.execute({ paymentId: bill.paymentId });
    const again = await kit.issueInvoice.execute({ paymentId: bill.paymentId });
    expect(again.number.value).toBe(first.number.value);
    expect(again.sha256).toBe(first.sha256);
    expect(kit.pdf.rendered).toHaveLength(1);
    expect(kit.invoices.lastNumber(2026)).toBe(1);
    expect(kit.jobs.ofType(OUTBOX_JOBS.sendInvoiceEmail.type)).toHaveLength(1);
  });

  test('an unpaid payment gets no invoice and consumes no number', async () => {
    const kit = invoiceKit();
    const unpaid = kit.billing.add(BillingRecordMother.paid({ paymentStatus: 'UNPAID', paidAt: null }));
    await expect(kit.issueInvoice.execute({ paymentId: unpaid.paymentId })).rejects.toMatchObject({ code: 'INVOICE.PAYMENT_NOT_PAID' });
    await expect(kit.issueInvoice.execute({ paymentId: 'nope' })).rejects.toBeInstanceOf(NotFound);
    const paid = kit.billing.add(BillingRecordMother.paid());
    expect((await kit.issueInvoice.execute({ paymentId: paid.paymentId })).number.value).toBe('INV-2026-000001');
  });

  test('a failed render keeps the reserved number; the retry issues it and the next payment gets the next one', async () => {
    const kit = invoiceKit();
    const first = kit.billing.add(BillingRecordMother.paid());
    kit.pdf.failNext(1);
    await expect(kit.issueInvoice.execute({ paymentId: first.paymentId })).rejects.toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE' });
    expect((await kit.invoices.findByPaymentId(first.paymentId))?.status).toBe('DRAFT');

    expect((await kit.issueInvoice.execute({ paymentId: first.paymentId })).number.value).toBe('INV-2026-000001');
    const second = kit.billing.add(BillingRecordMother.paid());
    expect((await kit.issueInvoice.execute({ paymentId: second.paymentId })).number.value).toBe('INV-2026-000002');
    expect(kit.invoices.all().map((i) => [i.number.value, i.status])).toEqual([['INV-2026-000001', 'ISSUED'], ['INV-2026-000002', 'ISSUED']]);
  });

  test('two concurrent runs for one payment give one invoice and leave no gap', async () => {
    const kit = invoiceKit();
    const bill = kit.billing.add(BillingRecordMother.paid());
    // The first run holds the draft's lease while its PDF renders; the second arrives then.
    const rendering = kit.pdf.holdNext();
    const first = kit.issueInvoice.execute({ paymentId: bill.paymentId });
    await rendering.reached;
    await expect(kit.issueInvoice.execute({ paymentId: bill.paymentId })).rejects.toMatchObject({ code: 'INVOICE.BEING_ISSUED' });
    rendering.release();
    expect((await first).number.value).toBe('INV-2026-000001');
    expect(kit.invoices.all()).toHaveLength(1);
    expect(kit.invoices.lastNumber(2026)).toBe(1);
    expect(kit.pdf.rendered).toHaveLength(1);
    const next = kit.billing.add(BillingRecordMother.paid());
    expect((await kit.issueInvoice.execute({ paymentId: next.paymentId })).number.value).toBe('INV-2026-000002');
  });

  test('a DRAFT left by a worker that died is taken over once its lease lapses, with the same number', async () => {
    const kit = invoiceKit();
    const bill = kit.billing.add(BillingRecordMother.paid());
    const draft = Invoice.draft({ id: 'crashed', paymentId: bill.paymentId, number: await kit.invoices.reserveNextNumber(2026), now: kit.clock.now() });
    await kit.invoices.addDraft(draft, { token: 'dead-worker', until: new Date(kit.clock.now().getTime() + ISSUE_LEASE_MS) });

    await expect(kit.issueInvoice.execute({ paymentId: bill.paymentId })).rejects.toBeInstanceOf(Conflict);
    kit.clock.advance(ISSUE_LEASE_MS);
    const invoice = await kit.issueInvoice.execute({ paymentId: bill.paymentId });
    expect(invoice.id).toBe('crashed');
    expect(invoice.number.value).toBe('INV-2026-000001');
    expect(invoice.status).toBe('ISSUED');
  });

  test('a DRAFT is held for the lease IssueInvoice was given (the job lease): a worker stalled past it loses the DRAFT', async () => {
    const kit = invoiceKit();
    const bill = kit.billing.add(BillingRecordMother.paid());
    const render = kit.pdf.holdNext();
    const stalled = kit.issueInvoice.execute({ paymentId: bill.paymentId });
    await render.reached;
    kit.clock.advance(ISSUE_LEASE_MS - 1);
    await expect(kit.issueInvoice.execute({ paymentId: bill.paymentId })).rejects.toMatchObject({ code: 'INVOICE.BEING_ISSUED' });
    kit.clock.advance(1);
    const invoice = await kit.issueInvoice.execute({ paymentId: bill.paymentId });
    expect([invoice.status, invoice.number.value]).toEqual(['ISSUED', 'INV-2026-000001']);
    render.release();
    await expect(stalled).rejects.toMatchObject({ code: 'INVOICE.LEASE_LOST' });
    expect(kit.invoices.all()).toHaveLength(1);
  });

  test('numbers restart at 000001 in a new year (fake clock across New Year, UTC)', async () => {
    const kit = invoiceKit();
    kit.clock.set('2026-12-31T23:59:59.998Z');
    const late = [BillingRecordMother.paid(), BillingRecordMother.paid()].map((b) => kit.billing.add(b));
    for (const bill of late) await kit.issueInvoice.execute({ paymentId: bill.paymentId });
    kit.clock.set('2027-01-01T00:00:00.000Z');
    const early = [BillingRecordMother.paid(), BillingRecordMother.paid()].map((b) => kit.billing.add(b));
    for (const bill of early) await kit.issueInvoice.execute({ paymentId: bill.paymentId });

    expect(kit.invoices.all().map((i) => [i.number.value, i.objectKey])).toEqual([
      ['INV-2026-000001', 'invoices/2026/INV-2026-000001.pdf'],
      ['INV-2026-000002', 'invoices/2026/INV-2026-000002.pdf'],
      ['INV-2027-000001', 'invoices/2027/INV-2027-000001.pdf'],
      ['INV-2027-000002', 'invoices/2027/INV-2027-000002.pdf'],
    ]);
  });

  test('issue-missing issues every PAID payment without an invoice once, reporting progress', async () => {
    const kit = invoiceKit();
    const bills = Array.from({ length: 5 }, () => kit.billing.add(BillingRecordMother.paid()));
    kit.billing.add(BillingRecordMother.paid({ paymentStatus: 'FAILED', paidAt: null }));
    await kit.issueInvoice.execute({ paymentId: bills[0].paymentId });
    const progress: number[] = [];
    const report = await kit.issueMissing.execute({ limit: 100, concurrency: 2, onProgress: (done) => progress.push(done) });
    expect(report.found).toBe(4);
    expect(report.failed).toEqual([]);
    expect(progress).toEqual([1, 2, 3, 4]);
    expect(kit.invoices.all().map((i) => i.number.sequence).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
    expect((await kit.issueMissing.execute({ limit: 100, concurrency: 2 })).found).toBe(0);
  });
});
