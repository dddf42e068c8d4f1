import { Money } from '../../../../src/domain/shared/Money';
import { DEFAULT_RETRY_POLICY } from '../../../../src/infrastructure/persistence/transactionRetry';
import { HOLD_MS, bookingWorld } from '../bookingWorld';

async function pendingBooking(capacity = 10, guests = 2) {
  const w = bookingWorld();
  const user = await w.traveller();
  const tour = w.tour({ capacity });
  const created = await w.book(user, tour, guests);
  return { w, user, tour, ...created };
}

describe('ConfirmPayment', () => {
  test('a verified payment completes the booking, records one event and enqueues invoice and email jobs', async () => {
    const { w, booking, payment } = await pendingBooking();
    const result = await w.confirmPayment.execute({ callback: w.gateway.pay(payment.transactionId), source: 'redirect' });
    expect(result).toEqual(expect.objectContaining({ outcome: 'PAID', changed: true }));
    expect((await w.payments.findById(payment.id))!.status).toBe('PAID');
    expect((await w.bookings.findById(booking.id))!.status).toBe('COMPLETE');
    expect(await w.payments.events(payment.id)).toEqual([expect.objectContaining({ type: 'PAID', fromStatus: 'UNPAID', toStatus: 'PAID' })]);
    expect(w.jobs.ofType('IssueInvoice').map((j) => j.payload)).toEqual([{ paymentId: payment.id }]);
    expect(w.jobs.ofType('SendBookingConfirmation').map((j) => j.payload)).toEqual([{ paymentId: payment.id }]);
  });

  test('the same IPN three times and a racing redirect give one transition, one event, one set of jobs', async () => {
    const { w, booking, payment } = await pendingBooking();
    const callback = w.gateway.pay(payment.transactionId);
    const results = await Promise.all([
      w.confirmPayment.execute({ callback, source: 'redirect' }),
      w.confirmPayment.execute({ callback, source: 'ipn' }),
      w.confirmPayment.execute({ callback, source: 'ipn' }),
      w.confirmPayment.execute({ callback, source: 'ipn' }),
    ]);
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    expect(results.every((r) => r.outcome === 'PAID')).toBe(true);
    expect(await w.payments.events(payment.id)).toHaveLength(1);
    expect(w.jobs.ofType('IssueInvoice')).toHaveLength(1);
    expect((await w.bookings.findById(booking.id))!.status).toBe('COMPLETE');
  });

  test('a declined payment fails the booking; a cancelled one cancels it; neither enqueues work', async () => {
    const a = await pendingBooking();
    await a.w.confirmPayment.execute({ callback: a.w.gateway.decline(a.payment.transactionId), source: 'redirect' });
    expect((await a.w.payments.findById(a.payment.id))!.status).toBe('FAILED');
    expect((await a.w.bookings.findById(a.booking.id))!.status).toBe('FAILED');
    const b = await pendingBooking();
    await b.w.confirmPayment.execute({ callback: b.w.gateway.cancel(b.payment.transactionId), source: 'redirect' });
    expect((await b.w.payments.findById(b.payment.id))!.status).toBe('CANCELLED');
    expect((await b.w.bookings.findById(b.booking.id))!.status).toBe('CANCEL');
    expect(a.w.jobs.ofType('IssueInvoice')).toHaveLength(0);
    expect(b.w.jobs.ofType('IssueInvoice')).toHaveLength(0);
  });

  describe('forged callbacks change nothing', () => {
    test.each([
      ['a made-up val_id', (w: ReturnType<typeof bookingWorld>, trx: string) => ({ tran_id: trx, val_id: 'made-up', status: 'VALID', amount: '25000.00' })],
      ['no val_id at all', (_w: ReturnType<typeof bookingWorld>, trx: string) => ({ tran_id: trx, status: 'VALID' })],
      ['a smaller amount vouched', (w: ReturnType<typeof bookingWorld>, trx: string) => w.gateway.vouchFor({ transactionId: trx, amount: Money.ofMinor(100, 'BDT'), status: 'PAID' })],
      ['another currency vouched', (w: ReturnType<typeof bookingWorld>, trx: string) => w.gateway.vouchFor({ transactionId: trx, amount: Money.ofMinor(5_000_000, 'USD'), status: 'PAID' })],
    ])('%s', async (_name, forge) => {
      const { w, booking, payment } = await pendingBooking();
      const result = await w.confirmPayment.execute({ callback: forge(w, payment.transactionId), source: 'ipn' });
      expect(result).toEqual(expect.objectContaining({ outcome: 'UNVERIFIED', changed: false }));
      expect((await w.payments.findById(payment.id))!.status).toBe('UNPAID');
      expect((await w.bookings.findById(booking.id))!.status).toBe('PENDING');
      expect(await w.payments.events(payment.id)).toHaveLength(0);
      expect(w.jobs.ofType('IssueInvoice')).toHaveLength(0);
    });

    test("another payment's val_id under our tran_id", async () => {
      const { w, payment } = await pendingBooking();
      const other = await w.book(await w.traveller(), w.tour());
      const theirs = w.gateway.pay(other.payment.transactionId);
      const result = await w.confirmPayment.execute({ callback: { ...theirs, tran_id: payment.transactionId }, source: 'redirect' });
      expect(result.outcome).toBe('UNVERIFIED');
      expect((await w.payments.findById(payment.id))!.status).toBe('UNPAID');
      expect((await w.payments.findById(other.payment.id))!.status).toBe('UNPAID');
    });

    test('a replay after success changes nothing more', async () => {
      const { w, payment } = await pendingBooking();
      const callback = w.gateway.pay(payment.transactionId);
      await w.confirmPayment.execute({ callback, source: 'redirect' });
      const replay = await w.confirmPayment.execute({ callback, source: 'redirect' });
      expect(replay.changed).toBe(false);
      expect(await w.payments.events(payment.id)).toHaveLength(1);
    });
  });

  describe('every attempt counts: money taken on any checkout of the payment is applied', () => {
    test('paid on a checkout that init-payment superseded: PAID on that attempt, booking COMPLETE', async () => {
      const { w, user, booking, payment } = await pendingBooking();
      const stale = w.gateway.pay(payment.transactionId);
      await w.initPayment.execute({ userId: user.id, role: 'USER' }, booking.id);
      const result = await w.confirmPayment.execute({ callback: stale, source: 'ipn' });
      expect(result).toEqual(expect.objectContaining({ outcome: 'PAID', changed: true }));
      const paid = (await w.payments.findById(payment.id))!;
      expect([paid.status, paid.transactionId, paid.refundDue]).toEqual(['PAID', payment.transactionId, false]);
      expect((await w.bookings.findById(booking.id))!.status).toBe('COMPLETE');
      expect(w.payments.attemptsOf(payment.id).map((a) => [a.status, a.supersededAt !== null])).toEqual([['PAID', true], ['OPEN', false]]);
      expect(w.jobs.ofType('IssueInvoice')).toHaveLength(1);
    });

    test('paid on two checkouts: the second is recorded, the payment stays PAID with refundDue, no second invoice', async () => {
      const { w, user, booking, payment } = await pendingBooking();
      const first = w.gateway.pay(payment.transactionId);
      await w.initPayment.execute({ userId: user.id, role: 'USER' }, booking.id);
      const current = (await w.payments.findById(payment.id))!.transactionId;
      await w.confirmPayment.execute({ callback: w.gateway.pay(current), source: 'redirect' });
      const again = await w.confirmPayment.execute({ callback: first, source: 'ipn' });
      expect(again).toEqual(expect.objectContaining({ outcome: 'PAID', changed: true, message: expect.stringMatching(/refunded/) }));
      const paid = (await w.payments.findById(payment.id))!;
      expect([paid.status, paid.transactionId, paid.refundDue]).toEqual(['PAID', current, true]);
      expect((await w.payments.events(payment.id)).map((e) => e.type)).toEqual(['PAID', 'PAID_AGAIN']);
      expect(w.payments.attemptsOf(payment.id).map((a) => a.status)).toEqual(['PAID', 'PAID']);
      expect(w.jobs.ofType('IssueInvoice')).toHaveLength(1);
      expect(w.logger.at('warn').some((e) => /refund due/.test(e.message))).toBe(true);
    });

    test('a decline on a superseded checkout closes only that attempt; the current one still pays', async () => {
      const { w, user, booking, payment } = await pendingBooking();
      const declined = w.gateway.decline(payment.transactionId);
      await w.initPayment.execute({ userId: user.id, role: 'USER' }, booking.id);
      const result = await w.confirmPayment.execute({ callback: declined, source: 'redirect' });
      expect(result).toEqual(expect.objectContaining({ verified: true, changed: true, outcome: 'UNVERIFIED' }));
      expect((await w.payments.findById(payment.id))!.status).toBe('UNPAID');
      expect((await w.bookings.findById(booking.id))!.status).toBe('PENDING');
      const current = (await w.payments.findById(payment.id))!.transactionId;
      await w.confirmPayment.execute({ callback: w.gateway.pay(current), source: 'redirect' });
      expect((await w.bookings.findById(booking.id))!.status).toBe('COMPLETE');
      expect((await w.payments.events(payment.id)).map((e) => e.type)).toEqual(['ATTEMPT_FAILED', 'PAID']);
    });

    test('declined on the current checkout, then money on an older one: recorded PAID with refundDue, booking stays FAILED', async () => {
      const { w, user, booking, payment } = await pendingBooking();
      const older = w.gateway.pay(payment.transactionId);
      await w.initPayment.execute({ userId: user.id, role: 'USER' }, booking.id);
      const current = (await w.payments.findById(payment.id))!.transactionId;
      await w.confirmPayment.execute({ callback: w.gateway.decline(current), source: 'redirect' });
      expect((await w.bookings.findById(booking.id))!.status).toBe('FAILED');
      await w.confirmPayment.execute({ callback: older, source: 'ipn' });
      const paid = (await w.payments.findById(payment.id))!;
      expect([paid.status, paid.refundDue, paid.transactionId]).toEqual(['PAID', true, payment.transactionId]);
      expect((await w.bookings.findById(booking.id))!.status).toBe('FAILED');
      expect(w.jobs.ofType('SendBookingConfirmation')).toHaveLength(0);
    });

    test('the gateway refuses to take money on a checkout a newer one replaced', async () => {
      const { w, user, booking, payment } = await pendingBooking();
      await w.initPayment.execute({ userId: user.id, role: 'USER' }, booking.id);
      expect(() => w.gateway.pay(payment.transactionId)).toThrow(expect.objectContaining({ code: 'SANDBOX.SUPERSEDED' }));
    });
  });

  describe('verify, then consume inside the commit', () => {
    test('a confirmation that never commits spends nothing: the same callback confirms it later', async () => {
      const { w, booking, payment } = await pendingBooking();
      const callback = w.gateway.pay(payment.transactionId);
      w.uow.conflictAtNextCommits(DEFAULT_RETRY_POLICY.attempts);
      await expect(w.confirmPayment.execute({ callback, source: 'redirect' })).rejects.toThrow(expect.objectContaining({ code: 'DEPENDENCY_UNAVAILABLE' }));
      expect((await w.payments.findById(payment.id))!.status).toBe('UNPAID');
      expect(await w.gateway.check(callback)).not.toBeNull();
      expect(w.jobs.ofType('IssueInvoice')).toHaveLength(0);
      const replay = await w.confirmPayment.execute({ callback, source: 'redirect' });
      expect(replay).toEqual(expect.objectContaining({ outcome: 'PAID', changed: true }));
      expect((await w.bookings.findById(booking.id))!.status).toBe('COMPLETE');
      expect(await w.gateway.check(callback)).toBeNull();
    });

    test('a lock conflict at commit runs the whole confirmation again: one event, one set of jobs', async () => {
      const { w, booking, payment } = await pendingBooking();
      w.uow.conflictAtNextCommits(2);
      const result = await w.confirmPayment.execute({ callback: w.gateway.pay(payment.transactionId), source: 'ipn' });
      expect(result.changed).toBe(true);
      expect(w.uow.retries).toBe(2);
      expect(await w.payments.events(payment.id)).toHaveLength(1);
      expect(w.jobs.ofType('IssueInvoice')).toHaveLength(1);
      expect(w.jobs.ofType('SendBookingConfirmation')).toHaveLength(1);
      expect((await w.bookings.findById(booking.id))!.status).toBe('COMPLETE');
    });

    test('without a callback, a transaction id is enough: the gateway\'s transaction query vouches', async () => {
      const { w, payment } = await pendingBooking();
      w.gateway.pay(payment.transactionId);
      const result = await w.confirmPayment.execute({ transactionId: payment.transactionId, source: 'reconciler' });
      expect(result).toEqual(expect.objectContaining({ outcome: 'PAID', changed: true }));
      expect((await w.payments.events(payment.id))[0].detail).toEqual(expect.objectContaining({ source: 'reconciler' }));
      const unpaid = await pendingBooking();
      expect((await unpaid.w.confirmPayment.execute({ transactionId: unpaid.payment.transactionId, source: 'reconciler' })).verified).toBe(false);
    });

    test('an attempt the gateway has no verdict on is a warning from a callback, not from the reconciler that asks about it every run', async () => {
      const { w, payment } = await pendingBooking();
      const asked = await w.confirmPayment.execute({ transactionId: payment.transactionId, source: 'reconciler' });
      expect(asked).toEqual(expect.objectContaining({ outcome: 'UNVERIFIED', verified: false, changed: false }));
      expect(w.logger.at('warn')).toEqual([]);
      await w.confirmPayment.execute({ transactionId: payment.transactionId, source: 'admin' });
      expect(w.logger.at('warn').map((e) => [e.message, e.fields.source])).toEqual([['payment evidence not verified; nothing changed', 'admin']]);
      expect((await w.payments.findById(payment.id))!.status).toBe('UNPAID');
    });

    test('a replayed spent val_id tells the truth about the payment it belongs to', async () => {
      const { w, payment } = await pendingBooking();
      const callback = w.gateway.pay(payment.transactionId);
      await w.confirmPayment.execute({ callback, source: 'redirect' });
      const replay = await w.confirmPayment.execute({ callback, source: 'redirect' });
      expect(replay).toEqual(expect.objectContaining({ verified: false, changed: false, message: 'Payment completed successfully' }));
      expect(replay.payment!.status).toBe('PAID');
    });
  });

  describe('paid after the hold lapsed', () => {
    test('completes the booking when the seats are still free', async () => {
      const { w, booking, payment } = await pendingBooking(10, 2);
      w.clock.advance(HOLD_MS + 60_000);
      await w.confirmPayment.execute({ callback: w.gateway.pay(payment.transactionId), source: 'ipn' });
      expect((await w.bookings.findById(booking.id))!.status).toBe('COMPLETE');
      const paid = (await w.payments.findById(payment.id))!;
      expect(paid.status).toBe('PAID');
      expect(paid.refundDue).toBe(false);
    });

    test('records PAID, fails the booking and flags refundDue when someone else took the seats', async () => {
      const { w, tour, booking, payment } = await pendingBooking(2, 2);
      w.clock.advance(HOLD_MS);
      await w.book(await w.traveller(), tour, 2);
      const result = await w.confirmPayment.execute({ callback: w.gateway.pay(payment.transactionId), source: 'ipn' });
      expect(result.message).toMatch(/refund is due/);
      const paid = (await w.payments.findById(payment.id))!;
      expect(paid.status).toBe('PAID');
      expect(paid.refundDue).toBe(true);
      expect((await w.bookings.findById(booking.id))!.status).toBe('FAILED');
      expect(w.jobs.ofType('SendBookingConfirmation')).toHaveLength(0);
      expect(w.logger.at('warn').some((e) => /refund due/.test(e.message))).toBe(true);
    });

    test('a booking already EXPIRED stays EXPIRED; the money is recorded PAID with refundDue', async () => {
      const { w, booking, payment } = await pendingBooking();
      w.clock.advance(HOLD_MS);
      await w.expireHolds.execute();
      await w.confirmPayment.execute({ callback: w.gateway.pay(payment.transactionId), source: 'ipn' });
      expect((await w.bookings.findById(booking.id))!.status).toBe('EXPIRED');
      const paid = (await w.payments.findById(payment.id))!;
      expect([paid.status, paid.refundDue]).toEqual(['PAID', true]);
    });
  });

  test('when the gateway cannot be asked, nothing changes and the caller learns why', async () => {
    const { w, payment } = await pendingBooking();
    const callback = w.gateway.pay(payment.transactionId);
    w.gateway.unavailable();
    await expect(w.confirmPayment.execute({ callback, source: 'ipn' })).rejects.toThrow(expect.objectContaining({ code: 'DEPENDENCY_UNAVAILABLE' }));
    expect((await w.payments.findById(payment.id))!.status).toBe('UNPAID');
  });
});
