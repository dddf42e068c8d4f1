import { Invoice } from '../../../../src/domain/invoice/Invoice';
import { InvoiceNumber } from '../../../../src/domain/invoice/InvoiceNumber';
import { Conflict, ValidationFailed } from '../../../../src/domain/shared/errors';
import { Money } from '../../../../src/domain/shared/Money';

const now = new Date('2026-03-01T10:00:00.000Z');
const billed = { guestCount: 2, unitPrice: Money.ofMinor(1_250_000, 'BDT'), total: Money.ofMinor(2_500_000, 'BDT') };
const document = { byteSize: 1234, sha256: 'a'.repeat(64) };

describe('InvoiceNumber', () => {
  test.each([
    [2026, 1, 'INV-2026-000001'],
    [2026, 42, 'INV-2026-000042'],
    [2031, 999_999, 'INV-2031-999999'],
  ])('%i #%i is %s and parses back', (year, sequence, text) => {
    expect(InvoiceNumber.of(year, sequence).value).toBe(text);
    expect(InvoiceNumber.parse(text).equals(InvoiceNumber.of(year, sequence))).toBe(true);
  });

  test.each(['INV-26-000001', 'INV-2026-1', 'inv-2026-000001', 'INV-2026-000000', ''])('refuses %p', (text) => {
    expect(() => InvoiceNumber.parse(text)).toThrow(ValidationFailed);
  });

  test('a year has at most 999999 invoices', () => {
    expect(() => InvoiceNumber.of(2026, 1_000_000)).toThrow(ValidationFailed);
  });
});

describe('Invoice', () => {
  const draft = () => Invoice.draft({ id: 'i1', paymentId: 'p1', number: InvoiceNumber.of(2026, 7), now });

  test('a draft has its number and storage key but nothing billed yet', () => {
    const invoice = draft();
    expect(invoice.status).toBe('DRAFT');
    expect(invoice.objectKey).toBe('invoices/2026/INV-2026-000007.pdf');
    expect(invoice.fileName).toBe('INV-2026-000007.pdf');
    expect(invoice.billed).toBeNull();
  });

  test('issuing freezes the amounts and the document', () => {
    const invoice = draft();
    const later = new Date('2026-03-01T10:00:05.000Z');
    invoice.issue(billed, document, later);
    expect(invoice.status).toBe('ISSUED');
    expect(invoice.issuedAt).toEqual(later);
    expect(invoice.billed?.total.format()).toBe('25,000.00 BDT');
    expect(invoice.sha256).toBe(document.sha256);
  });

  test('an issued invoice cannot be issued again', () => {
    const invoice = draft();
    invoice.issue(billed, document, now);
    expect(() => invoice.issue({ ...billed, guestCount: 3, total: Money.ofMinor(3_750_000, 'BDT') }, document, now)).toThrow(Conflict);
    expect(invoice.billed?.guestCount).toBe(2);
  });

  test('the total must be guests × unit price in one currency', () => {
    expect(() => draft().issue({ ...billed, total: Money.ofMinor(2_500_001, 'BDT') }, document, now)).toThrow(Conflict);
    expect(() => draft().issue({ ...billed, total: Money.ofMinor(2_500_000, 'USD') }, document, now)).toThrow(Conflict);
  });

  test('the document needs a size and a SHA-256', () => {
    expect(() => draft().issue(billed, { byteSize: 0, sha256: document.sha256 }, now)).toThrow(ValidationFailed);
    expect(() => draft().issue(billed, { byteSize: 10, sha256: 'not-a-hash' }, now)).toThrow(ValidationFailed);
  });

  test('only an issued invoice records an email', () => {
    expect(() => draft().recordEmailed(now)).toThrow(Conflict);
  });
});
