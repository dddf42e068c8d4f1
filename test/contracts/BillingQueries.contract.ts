import { randomUUID } from 'node:crypto';
import type { BillingQueries, BillingRecord } from '../../src/application/ports/BillingQueries';
import type { InvoiceRepository } from '../../src/application/ports/InvoiceRepository';
import type { UnitOfWork } from '../../src/application/ports/UnitOfWork';
import { Invoice } from '../../src/domain/invoice/Invoice';
import { BillingRecordMother } from '../mothers/BillingRecordMother';

export interface BillingQueriesSubject {
  billing: BillingQueries;
  invoices: InvoiceRepository;
  uow: UnitOfWork;
  /** Stores the payment, booking, traveller and tour the record describes, where the adapter reads them. */
  givenRecord(record: BillingRecord): Promise<void>;
}

const T0 = new Date('2026-03-01T10:00:00.000Z');
/** Older than anything other tests pay, so this suite's payments come first in the shared database. */
let paidAt = Date.UTC(2001, 0, 1) + Math.floor(Math.random() * 1_000) * 86_400_000;
const record = (overrides: Partial<BillingRecord> = {}) => {
  paidAt += 60_000;
  const paymentId = randomUUID();
  const base = BillingRecordMother.paid();
  return BillingRecordMother.paid({
    paymentId, bookingId: randomUUID(), transactionId: `TXN-${paymentId.slice(0, 12)}`, paidAt: new Date(paidAt),
    customer: { ...base.customer, userId: randomUUID(), email: `billing-${paymentId.slice(0, 8)}@example.com` },
    ...overrides,
  });
};

/** What IssueInvoice and IssueMissingInvoices rely on: everything an invoice prints in one read, and the paid payments still waiting for one. */
export function describeBillingQueriesContract(name: string, make: () => Promise<BillingQueriesSubject>): void {
  describe(`BillingQueries contract: ${name}`, () => {
    let s: BillingQueriesSubject;
    beforeEach(async () => {
      s = await make();
    });
    const withInvoice = (paymentId: string, state: 'DRAFT' | 'ISSUED') => s.uow.run(async () => {
      const invoice = Invoice.draft({ id: randomUUID(), paymentId, number: await s.invoices.reserveNextNumber(2026), now: T0 });
      await s.invoices.addDraft(invoice, { token: 'worker', until: new Date(T0.getTime() + 60_000) });
      if (state === 'DRAFT') return;
      const r = (await s.billing.forPayment(paymentId))!;
      invoice.issue({ guestCount: 1, unitPrice: r.amount, total: r.amount }, { byteSize: 100, sha256: 'b'.repeat(64) }, T0);
      await s.invoices.saveIssued(invoice, 'worker');
    });

    test('forPayment reads the whole record: payment, booking, traveller and tour', async () => {
      const given = record({ guestCount: 3, customer: { ...record().customer, phone: null, address: null } });
      await s.givenRecord(given);
      expect(await s.billing.forPayment(given.paymentId)).toEqual(given);
      expect(await s.billing.forPayment(randomUUID())).toBeNull();
    });

    test('paymentsAwaitingInvoice: PAID ones without an issued invoice, oldest payment first, at most `limit`', async () => {
      const waiting = record();
      const drafted = record();
      const issued = record();
      const unpaid = record({ paymentStatus: 'UNPAID', paidAt: null });
      const later = record();
      // Stored in another order than paid: the answer follows paidAt.
      for (const r of [later, issued, drafted, unpaid, waiting]) await s.givenRecord(r);
      await withInvoice(drafted.paymentId, 'DRAFT');
      await withInvoice(issued.paymentId, 'ISSUED');
      const mine = new Set([waiting, drafted, issued, unpaid, later].map((r) => r.paymentId));
      const awaiting = (await s.billing.paymentsAwaitingInvoice(1_000)).filter((id) => mine.has(id));
      expect(awaiting).toEqual([waiting.paymentId, drafted.paymentId, later.paymentId]);
      expect(await s.billing.paymentsAwaitingInvoice(1)).toHaveLength(1);
    });
  });
}
