import type { Actor } from '../../../../src/domain/user/Role';
import { DependencyUnavailable, NotFound } from '../../../../src/domain/shared/errors';
import { BillingRecordMother } from '../../../mothers/BillingRecordMother';
import { invoiceKit } from './invoiceKit';

describe('SendInvoiceEmail', () => {
  test('mails the stored PDF as an attachment, once', async () => {
    const kit = invoiceKit();
    const bill = kit.billing.add(BillingRecordMother.paid());
    const invoice = await kit.issueInvoice.execute({ paymentId: bill.paymentId });

    expect(await kit.sendInvoiceEmail.execute({ paymentId: bill.paymentId })).toBe('sent');
    expect(await kit.sendInvoiceEmail.execute({ paymentId: bill.paymentId })).toBe('already-sent');

    expect(kit.mailer.sent).toHaveLength(1);
    const mail = kit.mailer.sent[0];
    expect(mail.to).toBe(bill.customer.email);
    expect(mail.subject).toContain('INV-2026-000001');
    expect(mail.text).toContain('25,000.00 BDT');
    expect(mail.attachments).toEqual([
      { filename: 'INV-2026-000001.pdf', contentType: 'application/pdf', content: (await kit.storage.get(invoice.objectKey))!.bytes },
    ]);
  });

  test('resending mails again but never issues a new invoice', async () => {
    const kit = invoiceKit();
    const bill = kit.billing.add(BillingRecordMother.paid());
    await kit.issueInvoice.execute({ paymentId: bill.paymentId });
    await kit.sendInvoiceEmail.execute({ paymentId: bill.paymentId });
    expect(await kit.sendInvoiceEmail.execute({ paymentId: bill.paymentId, resend: true })).toBe('sent');
    expect(kit.mailer.sent.map((m) => m.attachments?.[0].filename)).toEqual(['INV-2026-000001.pdf', 'INV-2026-000001.pdf']);
    expect(kit.invoices.all()).toHaveLength(1);
  });

  test('sent, then recording it failed: the retry goes out under the same key and the outbox keeps one', async () => {
    const kit = invoiceKit();
    const bill = kit.billing.add(BillingRecordMother.paid());
    await kit.issueInvoice.execute({ paymentId: bill.paymentId });
    const record = kit.invoices.markEmailed.bind(kit.invoices);
    let failures = 1;
    kit.invoices.markEmailed = async (...args) => {
      if (failures-- > 0) throw new DependencyUnavailable('database');
      return record(...args);
    };
    await expect(kit.sendInvoiceEmail.execute({ paymentId: bill.paymentId })).rejects.toBeInstanceOf(DependencyUnavailable);
    expect(await kit.sendInvoiceEmail.execute({ paymentId: bill.paymentId })).toBe('sent');
    expect(kit.mailer.sent.map((m) => m.idempotencyKey)).toEqual([`invoice.${bill.paymentId}`]);
    expect((await kit.invoices.findByPaymentId(bill.paymentId))!.emailedAt).toEqual(kit.clock.now());
  });

  test('an invoice not issued yet is not found (the job retries later)', async () => {
    const kit = invoiceKit();
    const bill = kit.billing.add(BillingRecordMother.paid());
    await expect(kit.sendInvoiceEmail.execute({ paymentId: bill.paymentId })).rejects.toBeInstanceOf(NotFound);
    expect(kit.mailer.sent).toEqual([]);
  });
});

describe('GetInvoiceLink and OpenInvoicePdf', () => {
  test('the owner and admins get a 10-minute link and the PDF; anyone else, or before issue, 404', async () => {
    const kit = invoiceKit();
    const bill = kit.billing.add(BillingRecordMother.paid());
    const owner: Actor = { userId: bill.customer.userId, role: 'USER' };
    const admin: Actor = { userId: 'admin-1', role: 'ADMIN' };
    const stranger: Actor = { userId: 'someone-else', role: 'USER' };
    await expect(kit.getInvoiceLink.execute(owner, bill.paymentId)).rejects.toBeInstanceOf(NotFound);

    const invoice = await kit.issueInvoice.execute({ paymentId: bill.paymentId });
    const link = await kit.getInvoiceLink.execute(owner, bill.paymentId);
    expect(link.invoiceNumber).toBe('INV-2026-000001');
    expect(link.expiresAt.getTime() - kit.clock.now().getTime()).toBe(10 * 60_000);
    expect((await kit.getInvoiceLink.execute(admin, bill.paymentId)).invoiceNumber).toBe('INV-2026-000001');
    await expect(kit.getInvoiceLink.execute(stranger, bill.paymentId)).rejects.toBeInstanceOf(NotFound);
    await expect(kit.openInvoicePdf.execute(stranger, bill.paymentId)).rejects.toBeInstanceOf(NotFound);

    const opened = await kit.openInvoicePdf.execute(owner, bill.paymentId);
    expect(opened.fileName).toBe('INV-2026-000001.pdf');
    expect(opened.pdf.size).toBe(invoice.byteSize);
  });
});
