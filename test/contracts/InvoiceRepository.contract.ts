import { randomUUID } from 'node:crypto';
import type { InvoiceRepository } from '../../src/application/ports/InvoiceRepository';
import type { UnitOfWork } from '../../src/application/ports/UnitOfWork';
import { Invoice } from '../../src/domain/invoice/Invoice';
import { Money } from '../../src/domain/shared/Money';
import { raceHeldOpen } from '../support/racing';

export interface InvoiceRepositorySubject {
  invoices: InvoiceRepository;
  uow: UnitOfWork;
}

const T0 = new Date('2026-03-01T10:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const LEASE_MS = 30_000;
/** Each test numbers its own year, so adapters may share one database. */
let lastYear = 2100 + Math.floor(Math.random() * 5_000);
const freshYear = () => ++lastYear;

const billed = { guestCount: 2, unitPrice: Money.ofMinor(1_250_000, 'BDT'), total: Money.ofMinor(2_500_000, 'BDT') };
const document = { byteSize: 5_120, sha256: 'a'.repeat(64) };

/** What IssueInvoice, SendInvoiceEmail and the invoice views rely on: gapless numbers, one invoice per payment, a fenced issue. */
export function describeInvoiceRepositoryContract(name: string, make: () => Promise<InvoiceRepositorySubject>): void {
  describe(`InvoiceRepository contract: ${name}`, () => {
    let s: InvoiceRepositorySubject;
    beforeEach(async () => {
      s = await make();
    });
    const inUow = <T>(work: () => Promise<T>) => s.uow.run(work);
    const reserve = (year: number) => inUow(async () => (await s.invoices.reserveNextNumber(year)).sequence);
    /** A DRAFT for a new payment, held under `token` until `until`. */
    const drafted = (token = 'worker-1', until = at(LEASE_MS)) => inUow(async () => {
      const draft = Invoice.draft({ id: randomUUID(), paymentId: randomUUID(), number: await s.invoices.reserveNextNumber(freshYear()), now: T0 });
      await s.invoices.addDraft(draft, { token, until });
      return draft;
    });

    test('numbers count up from 1 per year, each year on its own', async () => {
      const year = freshYear();
      const other = freshYear();
      expect([await reserve(year), await reserve(year), await reserve(other), await reserve(year)]).toEqual([1, 2, 1, 3]);
    });

    test('a rolled-back reservation leaves no gap', async () => {
      const year = freshYear();
      await reserve(year);
      await expect(inUow(async () => {
        await s.invoices.reserveNextNumber(year);
        throw new Error('render failed');
      })).rejects.toThrow('render failed');
      expect(await reserve(year)).toBe(2);
    });

    test('reservations racing for one year queue: distinct numbers, and none lost to the one that rolled back', async () => {
      const year = freshYear();
      await reserve(year);
      const outcomes = await Promise.allSettled([0, 1, 2, 3, 4].map((i) => inUow(async () => {
        const number = await s.invoices.reserveNextNumber(year);
        if (i === 1) throw new Error('this worker failed');
        return number.sequence;
      })));
      const numbers = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : [])).sort((a, b) => a - b);
      expect(numbers).toEqual([2, 3, 4, 5]);
    });

    test('a draft is found by its payment; a second one for that payment is INVOICE.EXISTS', async () => {
      const draft = await drafted();
      expect((await s.invoices.findByPaymentId(draft.paymentId))?.toProps()).toEqual(draft.toProps());
      await expect(inUow(async () => {
        const again = Invoice.draft({ id: randomUUID(), paymentId: draft.paymentId, number: await s.invoices.reserveNextNumber(freshYear()), now: T0 });
        await s.invoices.addDraft(again, { token: 'worker-2', until: at(LEASE_MS) });
      })).rejects.toMatchObject({ code: 'INVOICE.EXISTS' });
      expect(await s.invoices.findByPaymentId(randomUUID())).toBeNull();
    });

    test('two workers drafting for one payment at once: one draft, the other INVOICE.EXISTS', async () => {
      const paymentId = randomUUID();
      const year = freshYear();
      const outcomes = await Promise.allSettled(['worker-1', 'worker-2'].map((token) => inUow(async () => {
        const draft = Invoice.draft({ id: randomUUID(), paymentId, number: await s.invoices.reserveNextNumber(year), now: T0 });
        await s.invoices.addDraft(draft, { token, until: at(LEASE_MS) });
      })));
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      expect(outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason.code] : []))).toEqual(['INVOICE.EXISTS']);
      expect(await reserve(year)).toBe(2);
    });

    test('a lease is taken over only once it lapsed or was released', async () => {
      const draft = await drafted('worker-1', at(LEASE_MS));
      const take = (token: string, now: Date) => inUow(() => s.invoices.takeLease(draft.id, { token, until: at(now.getTime() - T0.getTime() + LEASE_MS) }, now));
      expect(await take('worker-2', at(LEASE_MS - 1))).toBe(false);
      expect(await take('worker-2', at(LEASE_MS))).toBe(true);
      await inUow(() => s.invoices.releaseLease(draft.id, 'worker-1'));
      expect(await take('worker-3', at(LEASE_MS + 1))).toBe(false);
      await inUow(() => s.invoices.releaseLease(draft.id, 'worker-2'));
      expect(await take('worker-3', at(LEASE_MS + 1))).toBe(true);
      expect(await inUow(() => s.invoices.takeLease(randomUUID(), { token: 'x', until: at(LEASE_MS) }, T0))).toBe(false);
    });

    test('two workers taking over one lapsed lease at once: exactly one gets it', async () => {
      const draft = await drafted('dead-worker', at(LEASE_MS));
      const now = at(LEASE_MS);
      const take = (token: string) => () => s.invoices.takeLease(draft.id, { token, until: at(2 * LEASE_MS) }, now);
      expect(await raceHeldOpen(s.uow, take('worker-1'), () => inUow(take('worker-2')))).toEqual([true, false]);
    });

    test('only the lease holder issues; the issued invoice keeps every field and no lease', async () => {
      const draft = await drafted('worker-1');
      const issued = Invoice.restore(draft.toProps());
      issued.issue(billed, document, at(1_000));
      expect(await inUow(() => s.invoices.saveIssued(issued, 'worker-2'))).toBe(false);
      expect((await s.invoices.findByPaymentId(draft.paymentId))?.status).toBe('DRAFT');
      expect(await inUow(() => s.invoices.saveIssued(issued, 'worker-1'))).toBe(true);
      expect((await s.invoices.findByPaymentId(draft.paymentId))?.toProps()).toEqual(issued.toProps());
      expect(await inUow(() => s.invoices.saveIssued(issued, 'worker-1'))).toBe(false);
      expect(await inUow(() => s.invoices.takeLease(draft.id, { token: 'worker-3', until: at(9 * LEASE_MS) }, at(9 * LEASE_MS)))).toBe(false);
    });

    test('markEmailed records delivery on an issued invoice only', async () => {
      const draft = await drafted('worker-1');
      await inUow(() => s.invoices.markEmailed(draft.id, at(500)));
      expect((await s.invoices.findByPaymentId(draft.paymentId))?.emailedAt).toBeNull();
      const issued = Invoice.restore(draft.toProps());
      issued.issue(billed, document, at(1_000));
      await inUow(() => s.invoices.saveIssued(issued, 'worker-1'));
      await inUow(() => s.invoices.markEmailed(draft.id, at(2_000)));
      expect((await s.invoices.findByPaymentId(draft.paymentId))?.emailedAt).toEqual(at(2_000));
    });
  });
}
