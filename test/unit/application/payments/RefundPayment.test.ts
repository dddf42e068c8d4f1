import type { RefundInput } from '../../../../src/application/payments/RefundPayment';
import { bookingWorld } from '../bookingWorld';

/** A paid booking of 2 guests at 12,500.00 BDT (25,000.00 BDT) on a 10-seat tour. */
async function paidBooking() {
  const w = bookingWorld();
  const tour = w.tour({ capacity: 10 });
  const { booking, payment } = await w.book(await w.traveller(), tour, 2);
  await w.confirmPayment.execute({ callback: w.gateway.pay(payment.transactionId), source: 'ipn' });
  const refund = (input: Partial<RefundInput> = {}) =>
    w.refundPayment.execute({ paymentId: payment.id, amount: null, reason: 'Tour cancelled by the operator', idempotencyKey: null, source: 'api', ...input });
  const state = async () => ({
    payment: (await w.payments.findById(payment.id))!,
    booking: (await w.bookings.findById(booking.id))!,
    seatsHeld: await w.bookings.seatsHeld(tour.id, w.clock.now()),
    events: (await w.payments.events(payment.id)).map((e) => e.type),
  });
  return { w, booking, payment, refund, state };
}

describe('RefundPayment', () => {
  test('a full refund gives everything back once, cancels the booking and releases its seats', async () => {
    const { w, refund, state } = await paidBooking();
    expect((await state()).seatsHeld).toBe(2);
    const result = await refund();
    expect(result.refund).toEqual(expect.objectContaining({ state: 'COMPLETED', gatewayRefundId: expect.any(String) }));
    expect(result.refund.amount.minor).toBe(2_500_000);
    const after = await state();
    expect(after.payment.status).toBe('REFUNDED');
    expect(after.payment.refunded.minor).toBe(2_500_000);
    expect(after.booking.status).toBe('CANCEL');
    expect(after.seatsHeld).toBe(0);
    expect(after.events).toEqual(['PAID', 'REFUND_REQUESTED', 'REFUNDED']);
    expect([...w.gateway.refunds.values()].map((r) => r.amount.minor)).toEqual([2_500_000]);
  });

  test('a second full refund is a conflict and asks the gateway nothing', async () => {
    const { w, refund } = await paidBooking();
    await refund();
    await expect(refund()).rejects.toThrow(expect.objectContaining({ code: 'REFUND.ALREADY_REFUNDED', kind: 'conflict' }));
    expect(w.gateway.refundCalls).toBe(1);
  });

  test('partial refunds: PARTIALLY_REFUNDED with the booking kept, never above what was paid, then the rest cancels it', async () => {
    const { w, refund, state } = await paidBooking();
    expect((await refund({ amount: 10_000 })).payment.status).toBe('PARTIALLY_REFUNDED');
    expect((await state()).booking.status).toBe('COMPLETE');
    await expect(refund({ amount: 15_000.01 })).rejects.toThrow(expect.objectContaining({ code: 'REFUND.EXCEEDS_PAID' }));
    expect((await state()).payment.refundPending.minor).toBe(0);
    const rest = await refund();
    expect(rest.refund.amount.minor).toBe(1_500_000);
    const after = await state();
    expect(after.payment.status).toBe('REFUNDED');
    expect(after.booking.status).toBe('CANCEL');
    expect(w.gateway.refundCalls).toBe(2);
  });

  test('a retry with the same Idempotency-Key answers the first refund; the key on another amount is a conflict', async () => {
    const { w, refund } = await paidBooking();
    const first = await refund({ amount: 5_000, idempotencyKey: 'key-1' });
    const retry = await refund({ amount: 5_000, idempotencyKey: 'key-1' });
    expect(retry.replayed).toBe(true);
    expect(retry.refund.id).toBe(first.refund.id);
    expect(w.gateway.refunds.size).toBe(1);
    await expect(refund({ amount: 6_000, idempotencyKey: 'key-1' })).rejects.toThrow(expect.objectContaining({ code: 'REFUND.IDEMPOTENCY_KEY_REUSED' }));
  });

  test('a refund the gateway confirms later stays REFUND_PENDING until the reconciler asks its status', async () => {
    const { w, refund, state } = await paidBooking();
    const pending = await refund({ amount: 100.77 });
    expect(pending.refund.state).toBe('PENDING');
    expect((await state()).payment.status).toBe('REFUND_PENDING');
    // What is being refunded counts against what is left.
    await expect(refund({ amount: 25_000 })).rejects.toThrow(expect.objectContaining({ code: 'REFUND.EXCEEDS_PAID' }));
    const report = await w.reconcilePayments.execute({ olderThanMs: 0 });
    expect(report.refunds.settled).toEqual([expect.objectContaining({ refundId: pending.refund.id, state: 'COMPLETED' })]);
    expect((await state()).payment.status).toBe('PARTIALLY_REFUNDED');
  });

  test('a refund the gateway declines frees the amount and leaves the payment PAID', async () => {
    const { refund, state } = await paidBooking();
    const declined = await refund({ amount: 100.99 });
    expect(declined.refund).toEqual(expect.objectContaining({ state: 'FAILED', failureReason: 'declined' }));
    const after = await state();
    expect(after.payment.status).toBe('PAID');
    expect(after.payment.refundable.minor).toBe(2_500_000);
    expect(after.events).toContain('REFUND_FAILED');
  });

  test('a gateway that does not answer: 503, the refund stays REQUESTED, and the retry with its key refunds once', async () => {
    const { w, refund, state } = await paidBooking();
    w.gateway.unavailable();
    await expect(refund({ idempotencyKey: 'key-down' })).rejects.toThrow(expect.objectContaining({ code: 'DEPENDENCY_UNAVAILABLE' }));
    expect((await state()).payment.status).toBe('REFUND_PENDING');
    expect((await w.refunds.findByIdempotencyKey('key-down'))?.state).toBe('REQUESTED');
    w.gateway.unavailable(false);
    const retried = await refund({ idempotencyKey: 'key-down' });
    expect(retried.refund.state).toBe('COMPLETED');
    expect((await state()).payment.status).toBe('REFUNDED');
    expect(w.gateway.refunds.size).toBe(1);
  });

  test('a payment owed back (refundDue) is settled by its refund', async () => {
    const w = bookingWorld();
    const tour = w.tour({ capacity: 10 });
    const { booking, payment } = await w.book(await w.traveller(), tour, 1);
    w.clock.advance(31 * 60_000);
    await w.expireHolds.execute();
    await w.book(await w.traveller(), tour, 10);
    await w.confirmPayment.execute({ callback: w.gateway.pay(payment.transactionId), source: 'ipn' });
    expect((await w.payments.findById(payment.id))!.refundDue).toBe(true);
    await w.refundPayment.execute({ paymentId: payment.id, amount: null, reason: 'Seats were gone', idempotencyKey: null, source: 'admin' });
    const after = (await w.payments.findById(payment.id))!;
    expect(after.status).toBe('REFUNDED');
    expect(after.refundDue).toBe(false);
    expect((await w.bookings.findById(booking.id))!.status).not.toBe('COMPLETE');
  });

  test('nothing to refund on an unpaid payment; an unknown payment is not found; a reason is required', async () => {
    const w = bookingWorld();
    const { payment } = await w.book(await w.traveller(), w.tour(), 1);
    const ask = (input: Partial<RefundInput>) => w.refundPayment.execute({ paymentId: payment.id, amount: null, reason: 'x', idempotencyKey: null, source: 'api', ...input });
    await expect(ask({})).rejects.toThrow(expect.objectContaining({ code: 'REFUND.PAYMENT_NOT_PAID' }));
    await expect(ask({ paymentId: 'nope' })).rejects.toThrow(expect.objectContaining({ code: 'PAYMENT.NOT_FOUND' }));
    await expect(ask({ reason: '  ' })).rejects.toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(await w.refunds.ofPayment(payment.id)).toEqual([]);
  });
});
