import { RECONCILE_DEFAULT_OLDER_THAN_MS } from '../../../../src/application/payments/ReconcilePayments';
import { RECONCILE_LOOKBACK_MS } from '../../../../src/application/payments/reconcileBackoff';
import { DependencyUnavailable } from '../../../../src/domain/shared/errors';
import { bookingWorld } from '../bookingWorld';

const TEN_MINUTES = RECONCILE_DEFAULT_OLDER_THAN_MS;

async function world() {
  const w = bookingWorld();
  const tour = w.tour({ capacity: 20 });
  const book = async () => w.book(await w.traveller(), tour, 1);
  return { w, book };
}

describe('ReconcilePayments', () => {
  test('a payment taken at the gateway whose callbacks never came is settled, with its jobs', async () => {
    const { w, book } = await world();
    const { booking, payment } = await book();
    w.gateway.pay(payment.transactionId);
    w.clock.advance(TEN_MINUTES + 60_000);
    const report = await w.reconcilePayments.execute({ olderThanMs: TEN_MINUTES });
    expect(report).toEqual({ more: false, checked: 1, settled: [expect.objectContaining({ transactionId: payment.transactionId, paymentId: payment.id, outcome: 'PAID' })], open: 0, failed: [], skipped: 0, refunds: { checked: 0, settled: [], failed: [], skipped: 0 } });
    expect((await w.payments.findById(payment.id))!.status).toBe('PAID');
    // Paid within the hold: the late confirmation still completes the booking.
    expect((await w.bookings.findById(booking.id))!.status).toBe('COMPLETE');
    expect(w.jobs.ofType('IssueInvoice')).toHaveLength(1);
    expect((await w.reconcilePayments.execute({ olderThanMs: 0 })).checked).toBe(0);
  });

  test('only attempts older than the threshold are asked about; 0 asks about all of them', async () => {
    const { w, book } = await world();
    const old = await book();
    w.clock.advance(TEN_MINUTES);
    const young = await book();
    w.gateway.pay(old.payment.transactionId);
    w.gateway.pay(young.payment.transactionId);
    const first = await w.reconcilePayments.execute({ olderThanMs: TEN_MINUTES });
    expect(first.settled.map((s) => s.transactionId)).toEqual([old.payment.transactionId]);
    expect((await w.payments.findById(young.payment.id))!.status).toBe('UNPAID');
    const all = await w.reconcilePayments.execute({ olderThanMs: 0 });
    expect(all.settled.map((s) => s.transactionId)).toEqual([young.payment.transactionId]);
  });

  test('unpaid checkouts stay open; superseded ones are asked about too, and money there is applied', async () => {
    const { w, book } = await world();
    const unpaid = await book();
    const superseded = await book();
    const stale = superseded.payment.transactionId;
    w.gateway.pay(stale);
    await w.initPayment.execute({ userId: superseded.booking.userId, role: 'USER' }, superseded.booking.id);
    const progress: [number, number][] = [];
    const report = await w.reconcilePayments.execute({ olderThanMs: 0, onProgress: (done, total) => progress.push([done, total]) });
    expect(report.checked).toBe(3);
    expect(report.settled.map((s) => s.transactionId)).toEqual([stale]);
    expect(report.open).toBe(2);
    expect(progress).toEqual([[1, 3], [2, 3], [3, 3]]);
    expect((await w.payments.findById(unpaid.payment.id))!.status).toBe('UNPAID');
    expect((await w.payments.findById(superseded.payment.id))!.status).toBe('PAID');
  });

  test('attempts older than the look-back window are left alone', async () => {
    const { w, book } = await world();
    const ancient = await book();
    w.gateway.pay(ancient.payment.transactionId);
    w.clock.advance(RECONCILE_LOOKBACK_MS + 1);
    expect((await w.reconcilePayments.execute({ olderThanMs: 0 })).checked).toBe(0);
  });

  test('a gateway that stops answering fails the run without changing anything; the next run settles', async () => {
    const { w, book } = await world();
    const a = await book();
    const b = await book();
    w.gateway.pay(a.payment.transactionId);
    w.gateway.unavailable();
    const down = await w.reconcilePayments.execute({ olderThanMs: 0 });
    expect([down.checked, down.failed.length, down.skipped, down.settled.length]).toEqual([1, 1, 1, 0]);
    expect((await w.payments.findById(a.payment.id))!.status).toBe('UNPAID');
    w.gateway.unavailable(false);
    const again = await w.reconcilePayments.execute({ olderThanMs: 0 });
    expect(again.settled.map((s) => s.transactionId)).toEqual([a.payment.transactionId]);
    expect((await w.payments.findById(b.payment.id))!.status).toBe('UNPAID');
  });

  test('a failure the edge classifies as an outage (a database gone) ends the run at once; unclassified, each attempt is tried', async () => {
    const { w, book } = await world();
    const booked = [await book(), await book(), await book()];
    for (const { payment } of booked) w.gateway.pay(payment.transactionId);
    const lookup = jest.spyOn(w.gateway, 'lookup').mockRejectedValue(new Error('connect ECONNREFUSED 127.0.0.1:3306'));
    const classifyFailure = (thrown: unknown) => (thrown instanceof Error && thrown.message.includes('ECONNREFUSED') ? new DependencyUnavailable('database') : thrown);

    const classified = await w.reconcilePayments.execute({ olderThanMs: 0, classifyFailure });
    expect([classified.checked, classified.failed.length, classified.skipped, classified.refunds.checked]).toEqual([1, 1, 2, 0]);
    expect(classified.failed[0].error).toMatch(/database/);
    expect(lookup).toHaveBeenCalledTimes(1);

    // An outage at the last attempt leaves the refunds to the next run too: their query would meet the same outage.
    const openRefunds = jest.spyOn(w.refunds, 'openRefunds');
    const last = await w.reconcilePayments.execute({ olderThanMs: 0, classifyFailure, limit: 1 });
    expect([last.checked, last.failed.length, last.skipped, openRefunds.mock.calls.length]).toEqual([1, 1, 0, 0]);
    openRefunds.mockRestore();

    const unclassified = await w.reconcilePayments.execute({ olderThanMs: 0 });
    expect([unclassified.checked, unclassified.failed.length, unclassified.skipped]).toEqual([3, 3, 0]);
    lookup.mockRestore();
    expect((await w.reconcilePayments.execute({ olderThanMs: 0, classifyFailure })).settled).toHaveLength(3);
  });

  test('after a previous run, only due attempts are asked about, the newest first and at most `limit`', async () => {
    const { w, book } = await world();
    const MINUTE = 60_000;
    const agesInMinutes = [4 * 60 + 2, 90, 30, 20];
    const booked: Awaited<ReturnType<typeof book>>[] = [];
    for (const [i, age] of agesInMinutes.entries()) {
      booked.push(await book());
      w.clock.advance((age - (agesInMinutes[i + 1] ?? 0)) * MINUTE);
    }
    for (const { payment } of booked) w.gateway.pay(payment.transactionId);
    const previousRunAt = new Date(w.clock.now().getTime() - 5 * MINUTE);

    // 4 h 2 min crossed 4 h since the last run; 90 min crossed nothing; 30 and 20 min are in their first hour.
    const run = await w.reconcilePayments.execute({ olderThanMs: TEN_MINUTES, previousRunAt, limit: 2 });
    expect([run.more, run.checked]).toEqual([true, 2]);
    expect(run.settled.map((s) => s.transactionId)).toEqual([booked[3].payment.transactionId, booked[2].payment.transactionId]);
    const rest = await w.reconcilePayments.execute({ olderThanMs: TEN_MINUTES, previousRunAt });
    expect(rest.settled.map((s) => s.transactionId)).toEqual([booked[0].payment.transactionId]);
    expect((await w.payments.findById(booked[1].payment.id))!.status).toBe('UNPAID');
    // Without a previous run (the CLI, a worker's first run) every open attempt is due.
    expect((await w.reconcilePayments.execute({ olderThanMs: TEN_MINUTES })).settled.map((s) => s.transactionId)).toEqual([booked[1].payment.transactionId]);
  });

  test('a run told to stop asks the gateway about no further attempt and no refund; the rest count as skipped', async () => {
    const { w, book } = await world();
    const booked = [await book(), await book(), await book()];
    for (const { payment } of booked) w.gateway.pay(payment.transactionId);
    const stop = new AbortController();
    const run = await w.reconcilePayments.execute({ olderThanMs: 0, stopping: stop.signal, onProgress: (done) => void (done === 1 && stop.abort()) });
    expect([run.checked, run.settled.length, run.skipped, run.refunds.checked]).toEqual([1, 1, 2, 0]);
    const next = await w.reconcilePayments.execute({ olderThanMs: 0 });
    expect(next.settled).toHaveLength(2);
  });

  test('an open refund is asked about on the same backoff, and still past the 3 days attempts are asked for', async () => {
    const { w, book } = await world();
    const { payment } = await book();
    await w.confirmPayment.execute({ callback: w.gateway.pay(payment.transactionId), source: 'ipn' });
    const pending = await w.refundPayment.execute({ paymentId: payment.id, amount: 100.77, reason: 'Tour cancelled by the operator', idempotencyKey: null, source: 'api' });
    expect(pending.refund.state).toBe('PENDING');
    const HOUR = 3_600_000;
    const runAt = async (age: number) => {
      w.clock.advance(pending.refund.createdAt.getTime() + age - w.clock.now().getTime());
      return (await w.reconcilePayments.execute({ olderThanMs: TEN_MINUTES, previousRunAt: new Date(w.clock.now().getTime() - 5 * 60_000) })).refunds;
    };
    // 5 h 2 min old: it crossed 4 h before the last run, and 8 h is still ahead.
    expect((await runAt(5 * HOUR + 2 * 60_000)).checked).toBe(0);
    // Just past 128 h (5.3 days), beyond the attempts' 3-day look-back: asked, and the gateway's answer recorded.
    const late = await runAt(128 * HOUR + 60_000);
    expect([late.checked, late.settled]).toEqual([1, [expect.objectContaining({ refundId: pending.refund.id, state: 'COMPLETED' })]]);
  });

  test('a negative threshold is refused', async () => {
    const { w } = await world();
    await expect(w.reconcilePayments.execute({ olderThanMs: -1 })).rejects.toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
