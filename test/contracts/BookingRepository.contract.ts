import { randomUUID } from 'node:crypto';
import type { BookableTour, BookingRepository } from '../../src/application/ports/BookingRepository';
import type { UnitOfWork } from '../../src/application/ports/UnitOfWork';
import { emptyListQuery } from '../../src/application/shared/ListQuery';
import { Booking } from '../../src/domain/booking/Booking';
import type { Payment } from '../../src/domain/payment/Payment';
import { Money } from '../../src/domain/shared/Money';
import type { User } from '../../src/domain/user/User';
import { BookingMother, HOLD_MS } from '../mothers/BookingMother';
import { UserMother } from '../mothers/UserMother';
import { gate, giveWay, raceHeldOpen } from '../support/racing';

export interface TourSeed {
  capacity?: number;
  /** Minor units. */
  priceMinor?: number;
  startDate?: Date | null;
  images?: string[];
}

export interface BookingRepositorySubject {
  bookings: BookingRepository;
  uow: UnitOfWork;
  /** A tour the bookings can be for, stored where the adapter reads tours from. */
  givenTour(seed?: TourSeed): Promise<BookableTour & { slug: string }>;
  givenUser(user: User): Promise<void>;
  givenPayment(payment: Payment): Promise<void>;
}

const T0 = new Date('2026-03-01T10:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

/**
 * What CreateBooking, ChangeBookingStatus, ExpireHolds, PaymentSettlement and the booking views rely
 * on. Tests share one database per adapter, so each makes its own tours and users.
 */
export function describeBookingRepositoryContract(name: string, make: () => Promise<BookingRepositorySubject>): void {
  describe(`BookingRepository contract: ${name}`, () => {
    let s: BookingRepositorySubject;
    beforeEach(async () => {
      s = await make();
    });
    const inUow = <T>(work: () => Promise<T>) => s.uow.run(work);
    const held = (tour: BookableTour, input: { guestCount?: number; userId?: string; now?: Date } = {}) =>
      BookingMother.held({ tourId: tour.id, unitPrice: tour.price, now: T0, ...input });
    const stored = async (booking: Booking) => {
      await inUow(() => s.bookings.create(booking));
      return booking;
    };

    test('lockTour answers the tour as a booking sees it (seats, price in minor units, start), null when unknown', async () => {
      const tour = await s.givenTour({ capacity: 12, priceMinor: 1_999_950, startDate: new Date('2026-06-01T06:00:00.000Z') });
      const locked = await inUow(() => s.bookings.lockTour(tour.id));
      expect(locked).toEqual({ id: tour.id, title: tour.title, capacity: 12, startDate: new Date('2026-06-01T06:00:00.000Z'), price: Money.ofMinor(1_999_950, 'BDT') });
      expect(await inUow(() => s.bookings.lockTour('00000000-0000-4000-8000-000000000000'))).toBeNull();
    });

    test('a created booking is found with every field, to the millisecond', async () => {
      const tour = await s.givenTour();
      const booking = await stored(held(tour, { guestCount: 3, now: new Date('2026-03-01T10:00:00.123Z') }));
      expect((await s.bookings.findById(booking.id))?.toProps()).toEqual(booking.toProps());
      expect((await inUow(() => s.bookings.findById(booking.id, { forUpdate: true })))?.status).toBe('PENDING');
      expect(await s.bookings.findById('00000000-0000-4000-8000-000000000000')).toBeNull();
    });

    test('seatsHeld counts COMPLETE bookings and PENDING ones until their hold lapses, on this tour only', async () => {
      const tour = await s.givenTour({ capacity: 50 });
      const other = await s.givenTour();
      await stored(held(tour, { guestCount: 2 }));
      const completed = held(tour, { guestCount: 3 });
      completed.complete(T0);
      await stored(completed);
      for (const status of ['CANCEL', 'FAILED'] as const) {
        const b = held(tour, { guestCount: 7 });
        b.moveTo(status, T0);
        await stored(b);
      }
      await stored(held(other, { guestCount: 4 }));
      const seats = (now: Date) => inUow(() => s.bookings.seatsHeld(tour.id, now));
      expect(await seats(T0)).toBe(5);
      expect(await seats(at(HOLD_MS - 1))).toBe(5);
      expect(await seats(at(HOLD_MS))).toBe(3);
    });

    test('saveTransition writes only over the expected status: a stale one is refused and writes nothing', async () => {
      const tour = await s.givenTour();
      const booking = await stored(held(tour));
      const cancelled = Booking.restore(booking.toProps());
      cancelled.cancel(at(1_000));
      expect(await inUow(() => s.bookings.saveTransition(cancelled, 'COMPLETE'))).toBe(false);
      expect((await s.bookings.findById(booking.id))?.status).toBe('PENDING');
      expect(await inUow(() => s.bookings.saveTransition(cancelled, 'PENDING'))).toBe(true);
      expect((await s.bookings.findById(booking.id))?.toProps()).toEqual(cancelled.toProps());
    });

    test('lapsed holds: the tours that have them, and expiring them per tour, counting only PENDING ones past their hold', async () => {
      const lapsing = await s.givenTour();
      const live = await s.givenTour();
      const early = await stored(held(lapsing, { now: T0 }));
      const late = await stored(held(lapsing, { now: at(HOLD_MS) }));
      const done = held(lapsing, { now: T0 });
      done.complete(T0);
      await stored(done);
      await stored(held(live, { now: at(HOLD_MS) }));
      const now = at(HOLD_MS);
      const tours = await s.bookings.toursWithLapsedHolds(now);
      expect(tours).toContain(lapsing.id);
      expect(tours).not.toContain(live.id);
      expect(tours).toEqual([...tours].sort());
      expect(await inUow(async () => (await s.bookings.lockTour(lapsing.id), s.bookings.expireLapsed(lapsing.id, now)))).toBe(1);
      expect((await s.bookings.findById(early.id))?.toProps()).toEqual({ ...early.toProps(), status: 'EXPIRED', updatedAt: now });
      expect((await s.bookings.findById(late.id))?.status).toBe('PENDING');
      expect((await s.bookings.findById(done.id))?.status).toBe('COMPLETE');
      expect(await s.bookings.toursWithLapsedHolds(now)).not.toContain(lapsing.id);
    });

    test('a view carries the tour, the traveller and the payment; without a payment it is null', async () => {
      const tour = await s.givenTour({ images: ['tours/a.png', 'tours/b.png'], startDate: new Date('2026-06-01T06:00:00.000Z') });
      const user = UserMother.traveller({ id: randomUUID(), email: `view-${randomUUID()}@example.com` });
      await s.givenUser(user);
      const booking = await stored(held(tour, { userId: user.id, guestCount: 2 }));
      const bare = await stored(held(tour, { userId: user.id }));
      const payment = BookingMother.paymentFor(booking, T0);
      await s.givenPayment(payment);
      const view = await s.bookings.findView(booking.id);
      expect(view?.booking.toProps()).toEqual(booking.toProps());
      expect(view?.tour).toEqual({ id: tour.id, title: tour.title, slug: tour.slug, images: ['tours/a.png', 'tours/b.png'], startDate: new Date('2026-06-01T06:00:00.000Z') });
      expect(view?.user).toEqual({ id: user.id, name: user.name, email: user.email.value });
      expect(view?.payment).toEqual({ id: payment.id, status: 'UNPAID', amount: booking.amount, transactionId: payment.transactionId, invoiceNumber: null, refundDue: false });
      expect((await s.bookings.findView(bare.id))?.payment).toBeNull();
      expect(await s.bookings.findView('00000000-0000-4000-8000-000000000000')).toBeNull();
    });

    test("listViews: one traveller's bookings, newest first, filtered by status, paged with the total", async () => {
      const tour = await s.givenTour();
      const userId = randomUUID();
      const made: Booking[] = [];
      for (let i = 0; i < 3; i++) made.push(await stored(held(tour, { userId, now: at(i * 1_000) })));
      await stored(held(tour));
      const cancelled = Booking.restore(made[1].toProps());
      cancelled.cancel(at(5_000));
      await inUow(() => s.bookings.saveTransition(cancelled, 'PENDING'));
      const ids = (page: { items: { booking: Booking }[] }) => page.items.map((v) => v.booking.id);
      const all = await s.bookings.listViews(emptyListQuery({ limit: 2 }), { userId });
      expect([ids(all), all.total]).toEqual([[made[2].id, made[1].id], 3]);
      expect(ids(await s.bookings.listViews(emptyListQuery({ limit: 2, page: 2 }), { userId }))).toEqual([made[0].id]);
      const pending = await s.bookings.listViews(emptyListQuery({ filters: { status: 'PENDING' } }), { userId });
      expect([ids(pending), pending.total]).toEqual([[made[2].id, made[0].id], 2]);
    });

    // The second unit of work is started from the test, outside the first one's async context (else it would join it).
    describe('two units of work racing for one tour or one booking', () => {
      test('lock, then count, then book: the second waits for the first to commit and counts its seats', async () => {
        const tour = await s.givenTour({ capacity: 1 });
        const bookIfFree = (whileLocked?: () => Promise<void>) => inUow(async () => {
          const locked = (await s.bookings.lockTour(tour.id))!;
          const taken = await s.bookings.seatsHeld(tour.id, T0);
          await whileLocked?.();
          if (taken + 1 > locked.capacity) return 'full';
          await s.bookings.create(held(tour));
          return 'booked';
        });
        const counted = gate();
        const release = gate();
        const first = bookIfFree(async () => {
          counted.open();
          await release.opened;
        });
        await counted.opened;
        const second = bookIfFree();
        // A second transaction that the lock does not hold runs ahead now, counts 0, and both book.
        await giveWay(second);
        release.open();
        expect([await first, await second]).toEqual(['booked', 'full']);
        expect(await inUow(() => s.bookings.seatsHeld(tour.id, T0))).toBe(1);
      });

      test('both read the booking as PENDING, both write: the conditional write lets exactly one win, the other waits and loses', async () => {
        const tour = await s.givenTour();
        const booking = await stored(held(tour));
        const completed = (await s.bookings.findById(booking.id))!;
        const cancelled = (await s.bookings.findById(booking.id))!;
        completed.complete(at(1_000));
        cancelled.cancel(at(1_000));
        const outcomes = await raceHeldOpen(s.uow, () => s.bookings.saveTransition(completed, 'PENDING'), () => inUow(() => s.bookings.saveTransition(cancelled, 'PENDING')));
        expect(outcomes).toEqual([true, false]);
        expect((await s.bookings.findById(booking.id))?.status).toBe('COMPLETE');
      });

      test('a locking read of the booking waits for the transaction that moved it, then sees the move', async () => {
        const tour = await s.givenTour();
        const booking = await stored(held(tour));
        const [, seen] = await raceHeldOpen(s.uow, async () => {
          const mine = (await s.bookings.findById(booking.id, { forUpdate: true }))!;
          mine.complete(at(1_000));
          await s.bookings.saveTransition(mine, 'PENDING');
        }, () => inUow(async () => (await s.bookings.findById(booking.id, { forUpdate: true }))?.status));
        expect(seen).toBe('COMPLETE');
      });
    });
  });
}
