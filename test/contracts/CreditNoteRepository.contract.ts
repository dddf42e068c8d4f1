import { randomUUID } from 'node:crypto';
import type { CreditNoteRepository } from '../../src/application/ports/CreditNoteRepository';
import type { InvoiceRepository } from '../../src/application/ports/InvoiceRepository';
import type { UnitOfWork } from '../../src/application/ports/UnitOfWork';
import { CreditNote } from '../../src/domain/invoice/CreditNote';
import { InvoiceNumber } from '../../src/domain/invoice/InvoiceNumber';
import { Money } from '../../src/domain/shared/Money';

export interface CreditNoteRepositorySubject {
  notes: CreditNoteRepository;
  /** The invoices of the same store: their numbers must not move with credit notes'. */
  invoices: InvoiceRepository;
  uow: UnitOfWork;
}

const T0 = new Date('2026-03-01T10:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
let lastYear = 2200 + Math.floor(Math.random() * 5_000);
const credited = { invoiceNumber: InvoiceNumber.of(2026, 7), amount: Money.ofMinor(1_250_050, 'BDT'), reason: 'Tour cancelled by the operator' };
const document = { byteSize: 4_096, sha256: 'b'.repeat(64) };

/** What IssueCreditNote, SendCreditNoteEmail and the credit-note routes rely on: the invoice numbering scheme, in a series of its own. */
export function describeCreditNoteRepositoryContract(name: string, make: () => Promise<CreditNoteRepositorySubject>): void {
  describe(`CreditNoteRepository contract: ${name}`, () => {
    let s: CreditNoteRepositorySubject;
    beforeEach(async () => {
      s = await make();
    });
    const drafted = (year: number, refundId: string = randomUUID(), paymentId: string = randomUUID(), token = 'worker-1') => s.uow.run(async () => {
      const draft = CreditNote.draft({ id: randomUUID(), refundId, paymentId, number: await s.notes.reserveNextNumber(year), now: T0 });
      await s.notes.addDraft(draft, { token, until: at(30_000) });
      return draft;
    });

    test('CN numbers count up from 1 per year, apart from the invoices\' numbers', async () => {
      const year = ++lastYear;
      await s.uow.run(() => s.invoices.reserveNextNumber(year));
      const first = await drafted(year);
      const second = await drafted(year);
      expect([first.number.value, second.number.value]).toEqual([`CN-${year}-000001`, `CN-${year}-000002`]);
      expect((await s.uow.run(() => s.invoices.reserveNextNumber(year))).value).toBe(`INV-${year}-000002`);
    });

    test('a reservation rolled back leaves no gap', async () => {
      const year = ++lastYear;
      await expect(s.uow.run(async () => {
        await s.notes.reserveNextNumber(year);
        throw new Error('the draft failed');
      })).rejects.toThrow('the draft failed');
      expect((await drafted(year)).number.sequence).toBe(1);
    });

    test('one credit note per refund: a second DRAFT is CREDIT_NOTE.EXISTS', async () => {
      const year = ++lastYear;
      const first = await drafted(year);
      await expect(drafted(year, first.refundId)).rejects.toThrow(expect.objectContaining({ code: 'CREDIT_NOTE.EXISTS' }));
      expect((await s.notes.findByRefundId(first.refundId))?.id).toBe(first.id);
    });

    test('issued only under its lease, then found as issued with what it credits; listed per payment', async () => {
      const year = ++lastYear;
      const paymentId = randomUUID();
      const note = await drafted(year, randomUUID(), paymentId, 'holder');
      expect(await s.uow.run(() => s.notes.takeLease(note.id, { token: 'other', until: at(60_000) }, at(1_000)))).toBe(false);
      note.issue(credited, document, at(2_000));
      expect(await s.uow.run(() => s.notes.saveIssued(note, 'other'))).toBe(false);
      expect(await s.uow.run(() => s.notes.saveIssued(note, 'holder'))).toBe(true);
      const found = (await s.notes.findById(note.id))!;
      expect(found.isIssued).toBe(true);
      expect(found.sha256).toBe(document.sha256);
      expect(found.credited?.invoiceNumber.value).toBe('INV-2026-000007');
      expect(found.credited?.amount.equals(credited.amount)).toBe(true);
      expect(found.credited?.reason).toBe(credited.reason);
      await s.uow.run(() => s.notes.markEmailed(note.id, at(3_000)));
      expect((await s.notes.findByRefundId(note.refundId))?.emailedAt?.getTime()).toBe(at(3_000).getTime());
      const second = await drafted(year, randomUUID(), paymentId);
      expect((await s.notes.ofPayment(paymentId)).map((n) => n.id)).toEqual([note.id, second.id]);
    });

    test('a lapsed or released lease can be taken over', async () => {
      const note = await drafted(++lastYear, randomUUID(), randomUUID(), 'dead-worker');
      expect(await s.uow.run(() => s.notes.takeLease(note.id, { token: 'next', until: at(90_000) }, at(31_000)))).toBe(true);
      await s.uow.run(() => s.notes.releaseLease(note.id, 'next'));
      expect(await s.uow.run(() => s.notes.takeLease(note.id, { token: 'third', until: at(90_000) }, at(32_000)))).toBe(true);
    });
  });
}
