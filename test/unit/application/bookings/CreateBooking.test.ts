import { PROFILE_INCOMPLETE } from '../../../../src/application/bookings/CreateBooking';
import { Payment } from '../../../../src/domain/payment/Payment';
import { Conflict, Forbidden, NotFound, ValidationFailed } from '../../../../src/domain/shared/errors';
import { raceHeldOpen } from '../../../support/racing';
import { HOLD_MS, bookingWorld } from '../bookingWorld';

describe('CreateBooking', () => {
  test('holds seats, fixes the amount and opens an UNPAID payment with a gateway session', async () => {
    const w = bookingWorld();
    const user = await w.traveller();
    const tour = w.tour({ capacity: 10 });
    const { booking, payment, paymentUrl } = await w.book(user, tour, 3);
    expect(booking.status).toBe('PENDING');
    expect(booking.amount.minor).toBe(3 * tour.price.minor);
    expect(booking.expiresAt).toEqual(new Date(w.clock.now().getTime() + HOLD_MS));
    expect(payment.status).toBe('UNPAID');
    expect(payment.amount.equals(booking.amount)).toBe(true);
    expect(payment.transactionId.length).toBeLessThanOrEqual(30);
    expect(paymentUrl).toBe('https://gateway.test/checkout/fake-session-1');
    expect((await w.payments.findById(payment.id))!.gatewayRef).toBe('fake-session-1');
    expect(await w.bookings.seatsHeld(tour.id, w.clock.now())).toBe(3);
  });

  test('a later price change does not touch the fixed amount', async () => {
    const w = bookingWorld();
    const user = await w.traveller();
    const tour = w.tour();
    const { booking } = await w.book(user, tour, 2);
    w.bookings.addTour({ ...tour, price: tour.price.times(2) });
    expect((await w.bookings.findById(booking.id))!.amount.minor).toBe(2 * tour.price.minor);
  });

  test.each([
    ['phone', { phone: null }, ['phone']],
    ['address', { address: null }, ['address']],
    ['both', { phone: null, address: null }, ['phone', 'address']],
  ])('without %s: 400 with the exact message, naming what is missing', async (_name, overrides, paths) => {
    const w = bookingWorld();
    const user = await w.traveller(overrides);
    const error = await w.book(user, w.tour()).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationFailed);
    expect(error.message).toBe(PROFILE_INCOMPLETE);
    expect(error.problems.map((p: { path: string }) => p.path)).toEqual(paths);
    expect(w.bookings.all()).toHaveLength(0);
  });

  test.each([
    ['unverified', { isVerified: false }],
    ['blocked', { status: 'BLOCKED' as const }],
    ['deleted', { isDeleted: true }],
  ])('an %s account cannot book', async (_name, overrides) => {
    const w = bookingWorld();
    await expect(w.book(await w.traveller(overrides), w.tour())).rejects.toThrow(Forbidden);
  });

  test('an unknown tour is 404; a started tour and an impossible guest count are 400', async () => {
    const w = bookingWorld();
    const user = await w.traveller();
    await expect(w.createBooking.execute({ userId: user.id, role: 'USER' }, { tourId: 'nope', guestCount: 1 })).rejects.toThrow(NotFound);
    await expect(w.book(user, w.tour({ startDate: w.clock.now() }))).rejects.toThrow(expect.objectContaining({ code: 'BOOKING.TOUR_STARTED' }));
    await expect(w.book(user, w.tour({ capacity: 4 }), 5)).rejects.toThrow(expect.objectContaining({ code: 'BOOKING.GUEST_COUNT_OUT_OF_RANGE' }));
    await expect(w.book(user, w.tour(), 0)).rejects.toThrow(ValidationFailed);
  });

  test('never sells more seats than the tour has, even when asked all at once', async () => {
    const w = bookingWorld();
    const tour = w.tour({ capacity: 10 });
    const users = await Promise.all(Array.from({ length: 40 }, () => w.traveller()));
    const results = await Promise.allSettled(users.map((u) => w.book(u, tour, 1)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(30);
    for (const r of refused) expect(r.reason).toEqual(expect.objectContaining({ code: 'BOOKING.NOT_ENOUGH_SEATS' }));
    expect(refused[0].reason).toBeInstanceOf(Conflict);
  });

  test('lapsed holds free their seats for the next traveller, even before ExpireHolds runs', async () => {
    const w = bookingWorld();
    const tour = w.tour({ capacity: 2 });
    await w.book(await w.traveller(), tour, 2);
    await expect(w.book(await w.traveller(), tour, 1)).rejects.toThrow(Conflict);
    w.clock.advance(HOLD_MS);
    await expect(w.book(await w.traveller(), tour, 2)).resolves.toBeDefined();
  });

  test('when the gateway is down the booking still holds and can be paid later', async () => {
    const w = bookingWorld();
    const user = await w.traveller();
    w.gateway.unavailable();
    await expect(w.book(user, w.tour())).rejects.toThrow(expect.objectContaining({ code: 'DEPENDENCY_UNAVAILABLE' }));
    w.gateway.unavailable(false);
    const [booking] = w.bookings.all();
    const { paymentUrl } = await w.initPayment.execute({ userId: user.id, role: 'USER' }, booking.id);
    expect(paymentUrl).toMatch(/^https:\/\/gateway\.test\/checkout\//);
  });
});

describe('ExpireHolds', () => {
  test('expires only PENDING bookings whose hold lapsed, and releases their seats', async () => {
    const w = bookingWorld();
    const tour = w.tour({ capacity: 10 });
    const early = await w.book(await w.traveller(), tour, 4);
    w.clock.advance(10 * 60_000);
    const late = await w.book(await w.traveller(), tour, 3);
    w.clock.advance(HOLD_MS - 10 * 60_000);
    expect(await w.expireHolds.execute()).toEqual({ expired: 1 });
    expect((await w.bookings.findById(early.booking.id))!.status).toBe('EXPIRED');
    expect((await w.bookings.findById(late.booking.id))!.status).toBe('PENDING');
    expect(await w.bookings.seatsHeld(tour.id, w.clock.now())).toBe(3);
    expect(await w.expireHolds.execute()).toEqual({ expired: 0 });
  });
});

describe('InitPayment', () => {
  test('a new session is a new attempt; the old one is kept, superseded; only the owner, only while the hold lasts', async () => {
    const w = bookingWorld();
    const user = await w.traveller();
    const other = await w.traveller();
    const { booking, payment } = await w.book(user, w.tour());
    await w.initPayment.execute({ userId: user.id, role: 'USER' }, booking.id);
    const renewed = (await w.payments.findById(payment.id))!;
    expect(renewed.transactionId).not.toBe(payment.transactionId);
    expect(renewed.gatewayRef).toBe('fake-session-2');
    const attempts = w.payments.attemptsOf(payment.id);
    expect(attempts.map((a) => [a.transactionId, a.status, a.supersededAt !== null, a.gatewayRef])).toEqual([
      [payment.transactionId, 'OPEN', true, 'fake-session-1'], [renewed.transactionId, 'OPEN', false, 'fake-session-2'],
    ]);
    expect((await w.payments.findByTransactionId(payment.transactionId))!.id).toBe(payment.id);
    await expect(w.initPayment.execute({ userId: other.id, role: 'USER' }, booking.id)).rejects.toThrow(NotFound);
    w.clock.advance(HOLD_MS);
    await expect(w.initPayment.execute({ userId: user.id, role: 'USER' }, booking.id)).rejects.toThrow(expect.objectContaining({ code: 'BOOKING.HOLD_LAPSED' }));
  });
});

describe('InitPayment against a racing confirmation', () => {
  test('the conditional write loses to a payment that moved first: 409, and nothing of the new attempt is written', async () => {
    const w = bookingWorld();
    const user = await w.traveller();
    const { booking, payment } = await w.book(user, w.tour());
    // Another transaction has paid the payment and holds its row when InitPayment reads and then writes.
    const [, init] = await raceHeldOpen(w.uow, async () => {
      const current = (await w.payments.findById(payment.id, { forUpdate: true }))!;
      await w.payments.saveTransition(Payment.restore({ ...current.toProps(), status: 'PAID' }), 'UNPAID');
    }, () => w.initPayment.execute({ userId: user.id, role: 'USER' }, booking.id).catch((error: unknown) => error));
    expect(init).toEqual(expect.objectContaining({ code: 'PAYMENT.CHANGED_CONCURRENTLY' }));
    expect(w.payments.attemptsOf(payment.id).map((a) => a.transactionId)).toEqual([payment.transactionId]);
    expect(w.gateway.sessions).toHaveLength(1);
  });
});

describe('CreateBooking and the gateway\'s currencies', () => {
  test('a tour priced in a currency the gateway does not take is refused with 400 before anything is written', async () => {
    const w = bookingWorld();
    w.gateway.currencies = ['USD', 'EUR'];
    const tour = w.tour();
    const user = await w.traveller();
    await expect(w.book(user, tour)).rejects.toThrow(expect.objectContaining({ code: 'BOOKING.CURRENCY_NOT_ACCEPTED', kind: 'invalid' }));
    expect(w.payments.all()).toEqual([]);
    w.gateway.currencies = ['BDT'];
    expect((await w.book(user, tour)).payment.amount.currency).toBe('BDT');
  });
});
