import type { RefundRepository } from '../../src/application/ports/RefundRepository';
import type { UnitOfWork } from '../../src/application/ports/UnitOfWork';
import { Refund } from '../../src/domain/payment/Refund';
import { Money } from '../../src/domain/shared/Money';

export interface RefundRepositorySubject {
  refunds: RefundRepository;
  uow: UnitOfWork;
}

const T0 = new Date('2026-03-01T10:00:00.000Z');
let n = 0;

function requested(overrides: { paymentId?: string; key?: string; createdAt?: Date } = {}): Refund {
  n += 1;
  const id = `rf-${n}-${Math.random().toString(36).slice(2, 8)}`;
  return Refund.request({
    id, paymentId: overrides.paymentId ?? `pay-${id}`, transactionId: `TRX-${id}`, paymentRef: `ref-${id}`, gateway: 'sandbox',
    amount: Money.ofMinor(120_050, 'BDT'), reason: 'Tour cancelled by the operator', idempotencyKey: overrides.key ?? `key-${id}`, createdAt: overrides.createdAt ?? T0,
  });
}

/** What RefundPayment, RefundSettlement and the reconciler rely on from wherever refunds are kept. */
export function describeRefundRepositoryContract(name: string, make: () => Promise<RefundRepositorySubject>): void {
  describe(`RefundRepository contract: ${name}`, () => {
    let s: RefundRepositorySubject;
    beforeEach(async () => {
      s = await make();
    });

    test('a refund is kept as it was asked, found by id and by its idempotency key', async () => {
      const refund = requested();
      expect(await s.refunds.create(refund)).toBeNull();
      const found = await s.refunds.findById(refund.id);
      expect(found?.toProps()).toEqual(refund.toProps());
      expect(found!.amount.equals(Money.ofMinor(120_050, 'BDT'))).toBe(true);
      expect((await s.refunds.findByIdempotencyKey(refund.idempotencyKey))?.id).toBe(refund.id);
      expect(await s.refunds.findById('rf-none')).toBeNull();
      expect(await s.refunds.findByIdempotencyKey('key-none')).toBeNull();
    });

    test('a second refund under the same idempotency key writes nothing and answers the first', async () => {
      const first = requested({ key: `dup-${Date.now()}` });
      await s.refunds.create(first);
      const second = requested({ key: first.idempotencyKey, paymentId: first.paymentId });
      expect((await s.refunds.create(second))?.id).toBe(first.id);
      expect(await s.refunds.findById(second.id)).toBeNull();
      expect((await s.refunds.ofPayment(first.paymentId)).map((r) => r.id)).toEqual([first.id]);
    });

    test('an outcome is saved only from the state it was decided on', async () => {
      const refund = requested();
      await s.refunds.create(refund);
      const settled = (await s.refunds.findById(refund.id))!;
      settled.apply({ state: 'PENDING', gatewayRefundId: 'g-1' }, T0);
      expect(await s.refunds.saveOutcome(settled, 'REQUESTED')).toBe(true);
      const stale = Refund.restore({ ...settled.toProps() });
      stale.apply({ state: 'FAILED', gatewayRefundId: null, failureReason: 'x' }, T0);
      expect(await s.refunds.saveOutcome(stale, 'REQUESTED')).toBe(false);
      expect((await s.refunds.findById(refund.id))).toEqual(expect.objectContaining({ state: 'PENDING', gatewayRefundId: 'g-1' }));
    });

    test('open refunds are REQUESTED or PENDING ones created in any window (both ends included), newest first, at most `limit`', async () => {
      const paymentId = `pay-open-${Date.now()}`;
      const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
      const made = [requested({ paymentId, createdAt: at(-60) }), requested({ paymentId, createdAt: at(-30) }), requested({ paymentId, createdAt: at(-20) }), requested({ paymentId, createdAt: at(-10) })];
      for (const r of made) await s.refunds.create(r);
      const pending = made[3];
      pending.apply({ state: 'PENDING', gatewayRefundId: 'g-1' }, T0);
      await s.refunds.saveOutcome(pending, 'REQUESTED');
      const done = made[2];
      done.apply({ state: 'COMPLETED', gatewayRefundId: 'g-2' }, T0);
      await s.refunds.saveOutcome(done, 'REQUESTED');
      const mine = async (windows: { from: Date; to: Date }[], limit = 100) =>
        (await s.refunds.openRefunds({ windows, limit })).filter((r) => r.paymentId === paymentId).map((r) => made.findIndex((m) => m.id === r.id));
      expect(await mine([{ from: at(-90), to: at(0) }])).toEqual([3, 1, 0]);
      expect(await mine([{ from: at(-45), to: at(-11) }])).toEqual([1]);
      expect(await mine([{ from: at(-10), to: at(-10) }, { from: at(-60), to: at(-60) }])).toEqual([3, 0]);
      expect(await mine([{ from: at(-9), to: at(0) }, { from: at(-59), to: at(-31) }])).toEqual([]);
      expect(await mine([], 100)).toEqual([]);
      const newestTwo = await s.refunds.openRefunds({ windows: [{ from: at(-90), to: at(0) }], limit: 2 });
      expect(newestTwo.map((r) => r.createdAt.getTime())).toEqual([at(-10).getTime(), at(-30).getTime()]);
    });

    test('a refund written in a unit of work that rolls back is not kept', async () => {
      const refund = requested();
      await expect(s.uow.run(async () => {
        await s.refunds.create(refund);
        throw new Error('the reservation failed');
      })).rejects.toThrow('the reservation failed');
      expect(await s.refunds.findById(refund.id)).toBeNull();
    });
  });
}
