import type { PaymentRepository } from '../../src/application/ports/PaymentRepository';
import type { UnitOfWork } from '../../src/application/ports/UnitOfWork';
import type { VerifiedPayment } from '../../src/domain/payment/Payment';
import { Payment } from '../../src/domain/payment/Payment';
import { Money } from '../../src/domain/shared/Money';
import { raceHeldOpen } from '../support/racing';

export interface PaymentRepositorySubject {
  payments: PaymentRepository;
  uow: UnitOfWork;
}

const T0 = new Date('2026-03-01T10:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
let n = 0;

function open(now = T0): Payment {
  n += 1;
  const id = `pay-${n}-${Math.random().toString(36).slice(2, 8)}`;
  return Payment.open({ id, bookingId: `booking-${id}`, transactionId: `TRX-${id}`, amount: Money.ofMinor(150_000, 'BDT'), gateway: 'sandbox', now });
}

const paid = (p: Payment, transactionId = p.transactionId): VerifiedPayment => ({ transactionId, amount: p.amount, status: 'PAID', valId: `val-${transactionId}`, paymentRef: `ref-${transactionId}` });

/** What ConfirmPayment, InitPayment and the reconciler rely on from wherever payments and their attempts are kept. */
export function describePaymentRepositoryContract(name: string, make: () => Promise<PaymentRepositorySubject>): void {
  describe(`PaymentRepository contract: ${name}`, () => {
    let s: PaymentRepositorySubject;
    beforeEach(async () => {
      s = await make();
    });
    const inUow = <T>(work: () => Promise<T>) => s.uow.run(work);

    test('a payment is created with its first attempt, found by that transaction id', async () => {
      const p = open();
      await inUow(() => s.payments.create(p));
      expect((await s.payments.findByTransactionId(p.transactionId))?.id).toBe(p.id);
      const attempt = await s.payments.findAttempt(p.transactionId);
      expect([attempt?.paymentId, attempt?.status, attempt?.supersededAt]).toEqual([p.id, 'OPEN', null]);
      expect(await s.payments.findByTransactionId('TRX-UNKNOWN')).toBeNull();
    });

    test('replaceAttempt opens a new attempt, keeps the old one superseded, and finds the payment by either', async () => {
      const p = open();
      await inUow(() => s.payments.create(p));
      const first = p.transactionId;
      p.restartSession(`${first}-2`, at(5));
      expect(await inUow(() => s.payments.replaceAttempt(p, first, at(5)))).toBe(true);
      expect((await s.payments.findById(p.id))?.transactionId).toBe(`${first}-2`);
      expect((await s.payments.findByTransactionId(first))?.id).toBe(p.id);
      expect((await s.payments.findByTransactionId(`${first}-2`))?.id).toBe(p.id);
      expect((await s.payments.findAttempt(first))?.supersededAt).toEqual(at(5));
      expect((await s.payments.findAttempt(`${first}-2`))?.status).toBe('OPEN');
    });

    test('replaceAttempt is conditional: a stale previous id, or a payment no longer UNPAID, writes nothing', async () => {
      const p = open();
      await inUow(() => s.payments.create(p));
      const first = p.transactionId;
      p.restartSession(`${first}-X`, at(1));
      expect(await inUow(() => s.payments.replaceAttempt(p, 'TRX-STALE', at(1)))).toBe(false);
      expect(await s.payments.findAttempt(`${first}-X`)).toBeNull();
      const current = (await s.payments.findById(p.id))!;
      current.receive(paid(current), at(2));
      await inUow(() => s.payments.saveTransition(current, 'UNPAID'));
      expect(await inUow(() => s.payments.replaceAttempt(p, first, at(3)))).toBe(false);
      expect((await s.payments.findById(p.id))?.status).toBe('PAID');
    });

    test('attachSession records the session on the attempt and the current payment without touching its status', async () => {
      const p = open();
      await inUow(() => s.payments.create(p));
      const current = (await s.payments.findById(p.id))!;
      current.receive(paid(current), at(1));
      await inUow(() => s.payments.saveTransition(current, 'UNPAID'));
      await inUow(() => s.payments.attachSession(p.transactionId, 'session-1', at(2)));
      const after = (await s.payments.findById(p.id))!;
      expect([after.status, after.gatewayRef]).toEqual(['PAID', 'session-1']);
      expect((await s.payments.findAttempt(p.transactionId))?.gatewayRef).toBe('session-1');
    });

    test('an attempt records one verdict; a second write of it is refused', async () => {
      const p = open();
      await inUow(() => s.payments.create(p));
      const attempt = (await s.payments.findAttempt(p.transactionId, { forUpdate: true }))!;
      attempt.record(paid(p), at(1));
      expect(await inUow(() => s.payments.recordVerdict(attempt))).toBe(true);
      expect(await inUow(() => s.payments.recordVerdict(attempt))).toBe(false);
      expect((await s.payments.findAttempt(p.transactionId))?.status).toBe('PAID');
    });

    test('openAttempts: OPEN ones created in any window (both ends included), newest first, at most `limit`', async () => {
      const made = [open(at(-60)), open(at(-30)), open(at(-20)), open(at(-10)), open(at(-1))];
      for (const p of made) await inUow(() => s.payments.create(p));
      const settled = (await s.payments.findAttempt(made[2].transactionId))!;
      settled.record(paid(made[2]), T0);
      await inUow(() => s.payments.recordVerdict(settled));
      const mine = (list: { transactionId: string }[]) => list.map((a) => made.findIndex((p) => p.transactionId === a.transactionId)).filter((i) => i >= 0);
      expect(mine(await s.payments.openAttempts({ windows: [{ from: at(-45), to: at(-11) }], limit: 100 }))).toEqual([1]);
      expect(mine(await s.payments.openAttempts({ windows: [{ from: at(-90), to: at(-1) }], limit: 100 }))).toEqual([4, 3, 1, 0]);
      expect(mine(await s.payments.openAttempts({ windows: [{ from: at(-10), to: at(-1) }, { from: at(-60), to: at(-30) }], limit: 100 }))).toEqual([4, 3, 1, 0]);
      expect(mine(await s.payments.openAttempts({ windows: [{ from: at(-5), to: at(-2) }, { from: at(-59), to: at(-31) }], limit: 100 }))).toEqual([]);
      const newestTwo = await s.payments.openAttempts({ windows: [{ from: at(-90), to: at(-1) }], limit: 2 });
      expect(newestTwo.map((a) => a.createdAt.getTime())).toEqual([at(-1).getTime(), at(-10).getTime()]);
      expect(await s.payments.openAttempts({ windows: [], limit: 100 })).toEqual([]);
    });

    describe('two units of work racing for one payment', () => {
      const race = <A, B>(first: () => Promise<A>, second: () => Promise<B>) => raceHeldOpen(s.uow, first, () => inUow(second));

      test('two verdicts for one payment: the conditional transition lets the first win; the second waits and loses', async () => {
        const p = open();
        await inUow(() => s.payments.create(p));
        const viaIpn = (await s.payments.findById(p.id))!;
        const viaRedirect = (await s.payments.findById(p.id))!;
        viaIpn.receive(paid(viaIpn), at(1));
        viaRedirect.receive({ ...paid(viaRedirect), status: 'FAILED' }, at(1));
        expect(await race(() => s.payments.saveTransition(viaIpn, 'UNPAID'), () => s.payments.saveTransition(viaRedirect, 'UNPAID'))).toEqual([true, false]);
        expect((await s.payments.findById(p.id))?.status).toBe('PAID');
      });

      test('a new checkout racing a confirmation that paid first writes nothing of the new attempt', async () => {
        const p = open();
        await inUow(() => s.payments.create(p));
        const paying = (await s.payments.findById(p.id))!;
        paying.receive(paid(paying), at(1));
        const restarting = (await s.payments.findById(p.id))!;
        restarting.restartSession(`${p.transactionId}-2`, at(1));
        const [confirmed, replaced] = await race(
          () => s.payments.saveTransition(paying, 'UNPAID'),
          () => s.payments.replaceAttempt(restarting, p.transactionId, at(1)),
        );
        expect([confirmed, replaced]).toEqual([true, false]);
        expect(await s.payments.findAttempt(`${p.transactionId}-2`)).toBeNull();
        expect((await s.payments.findById(p.id))?.transactionId).toBe(p.transactionId);
      });

      test('a locking read of an attempt waits for the verdict being recorded, then sees it', async () => {
        const p = open();
        await inUow(() => s.payments.create(p));
        const [, seen] = await race(async () => {
          const attempt = (await s.payments.findAttempt(p.transactionId, { forUpdate: true }))!;
          attempt.record(paid(p), at(1));
          return s.payments.recordVerdict(attempt);
        }, async () => (await s.payments.findAttempt(p.transactionId, { forUpdate: true }))?.status);
        expect(seen).toBe('PAID');
      });

      test('the confirmation email is marked sent once, however many senders race', async () => {
        const p = open();
        await inUow(() => s.payments.create(p));
        const marks = await Promise.all([1, 2, 3, 4].map(() => inUow(() => s.payments.markConfirmationSent(p.id, at(2)))));
        expect(marks.filter(Boolean)).toHaveLength(1);
      });
    });
  });
}
