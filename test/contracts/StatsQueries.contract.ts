import type { StatsQueries } from '../../src/application/ports/StatsQueries';
import { GetBookingStats } from '../../src/application/stats/GetBookingStats';
import { GetPaymentStats } from '../../src/application/stats/GetPaymentStats';
import { GetTourStats } from '../../src/application/stats/GetTourStats';
import { GetUserStats } from '../../src/application/stats/GetUserStats';
import { FakeClock } from '../fakes/FakeClock';

export interface StatsQueriesSubject {
  stats: StatsQueries;
  close(): Promise<void>;
}

const NOW = new Date('2026-03-01T10:00:00.000Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(NOW.getTime() - ms);

function user(id: string, role: string, status: string, createdAt: Date, isDeleted = false) {
  return { id, name: `User ${id}`, email: `${id}@example.com`, passwordHash: null, phone: null, address: null, picture: null, role, status, isVerified: true, isDeleted, googleId: null, createdAt, updatedAt: createdAt };
}

function tour(id: string, title: string, costFrom: number, currency: string, divisionId: string, tourTypeId: string) {
  return {
    id, title, slug: title.toLowerCase().replace(/\s+/g, '-'), description: null, location: null, costFrom, currency, startDate: null, endDate: null,
    departureLocation: null, arrivalLocation: null, included: '[]', excluded: '[]', amenities: '[]', tourPlan: '[]', images: '[]',
    maxGuest: 20, minAge: null, divisionId, tourTypeId, createdAt: ago(90 * DAY), updatedAt: ago(90 * DAY),
  };
}

function booking(id: string, userId: string, tourId: string, guestCount: number, status: string, createdAt: Date) {
  return { id, userId, tourId, guestCount, status, expiresAt: new Date(createdAt.getTime() + 30 * 60_000), amount: guestCount * 1_000_000, currency: 'BDT', createdAt, updatedAt: createdAt };
}

function payment(id: string, bookingId: string, amount: number, currency: string, status: string, gateway: string) {
  return {
    id, bookingId, transactionId: `TRX-${id}`, amount, currency, status, gateway, gatewayRef: null, valId: null, refundDue: false, refundedAmount: status === 'REFUNDED' ? amount : 0, refundPendingAmount: 0,
    paidAt: status === 'PAID' ? ago(DAY) : null, confirmationSentAt: null, createdAt: ago(2 * DAY), updatedAt: ago(DAY),
  };
}

function invoice(id: string, paymentId: string, sequence: number, status: string) {
  return { id, paymentId, number: `INV-2026-${String(sequence).padStart(6, '0')}`, year: 2026, sequence, status, objectKey: `invoices/${id}.pdf`, createdAt: ago(DAY), updatedAt: ago(DAY) };
}

/**
 * The fixed records every adapter is loaded with, as the tables hold them: every expected number
 * below is counted by hand from these rows.
 */
export async function seedStats(insert: (table: string, rows: Record<string, unknown>[]) => Promise<void>): Promise<void> {
  await insert('users', [
    user('u1', 'ADMIN', 'ACTIVE', ago(1 * DAY)),
    user('u2', 'USER', 'ACTIVE', ago(3 * DAY)),
    user('u3', 'USER', 'INACTIVE', ago(10 * DAY)),
    user('u4', 'USER', 'BLOCKED', ago(40 * DAY)),
    user('u5', 'GUIDE', 'ACTIVE', ago(7 * DAY - HOUR)),
    user('u6', 'USER', 'ACTIVE', ago(7 * DAY + HOUR)),
    user('u7', 'USER', 'ACTIVE', ago(2 * DAY), true),
  ]);
  await insert('divisions', [
    { id: 'd1', name: 'Dhaka', slug: 'dhaka', description: null, thumbnail: null, createdAt: NOW, updatedAt: NOW },
    { id: 'd2', name: 'Sylhet', slug: 'sylhet', description: null, thumbnail: null, createdAt: NOW, updatedAt: NOW },
  ]);
  await insert('tour_types', [
    { id: 'tt1', name: 'Adventure', createdAt: NOW, updatedAt: NOW },
    { id: 'tt2', name: 'Beach', createdAt: NOW, updatedAt: NOW },
  ]);
  await insert('tours', [
    tour('t1', 'Cox Bazar Escape', 1_000_000, 'BDT', 'd1', 'tt2'),
    tour('t2', 'Sundarbans Trek', 2_000_050, 'BDT', 'd1', 'tt1'),
    tour('t3', 'Srimangal Tea Trail', 1_500_000, 'BDT', 'd2', 'tt1'),
    tour('t4', 'Border Hills', 50_000, 'USD', 'd2', 'tt1'),
  ]);
  await insert('bookings', [
    booking('b1', 'u1', 't1', 2, 'COMPLETE', ago(1 * DAY)),
    booking('b2', 'u2', 't1', 3, 'PENDING', ago(2 * DAY)),
    booking('b3', 'u2', 't2', 1, 'CANCEL', ago(8 * DAY)),
    booking('b4', 'u3', 't1', 4, 'EXPIRED', ago(20 * DAY)),
    booking('b5', 'u1', 't3', 2, 'COMPLETE', ago(40 * DAY)),
    booking('b6', 'u6', 't2', 5, 'FAILED', ago(6 * DAY)),
  ]);
  await insert('payments', [
    payment('p1', 'b1', 2_000_000, 'BDT', 'PAID', 'sandbox'),
    payment('p2', 'b2', 3_000_000, 'BDT', 'UNPAID', 'sandbox'),
    payment('p3', 'b3', 1_000_050, 'BDT', 'REFUNDED', 'sslcommerz'),
    payment('p4', 'b4', 4_000_000, 'BDT', 'CANCELLED', 'sandbox'),
    payment('p5', 'b5', 3_000_001, 'BDT', 'PAID', 'sslcommerz'),
    payment('p6', 'b6', 5_000_000, 'BDT', 'FAILED', 'sandbox'),
    payment('p7', 'b-elsewhere', 50_000, 'USD', 'PAID', 'sandbox'),
  ]);
  await insert('invoices', [invoice('i1', 'p1', 1, 'ISSUED'), invoice('i2', 'p5', 2, 'ISSUED'), invoice('i3', 'p7', 3, 'DRAFT')]);
  await insert('refunds', [
    refund('r1', 'p3', 1_000_050, 'BDT', 'COMPLETED'), refund('r2', 'p1', 500_000, 'BDT', 'FAILED'),
    refund('r3', 'p5', 25, 'BDT', 'PENDING'), refund('r4', 'p7', 100, 'USD', 'COMPLETED'),
  ]);
}

function refund(id: string, paymentId: string, amount: number, currency: string, state: string) {
  return {
    id, paymentId, transactionId: `TRX-${paymentId}`, paymentRef: `ref-${paymentId}`, gateway: 'sandbox', amount, currency, reason: 'Tour cancelled',
    state, gatewayRefundId: null, failureReason: null, idempotencyKey: `key-${id}`, createdAt: ago(DAY), settledAt: null, updatedAt: ago(DAY),
  };
}

/**
 * What the statistics use cases rely on, asserted through them (they only rename and round): counts,
 * sums and averages over the records `seedStats` writes, with time windows from the caller's clock.
 * `open(seed)` answers an adapter over a store of its own, loaded by `seed` (or left empty).
 */
export function describeStatsQueriesContract(name: string, open: (seed: typeof seedStats | null) => Promise<StatsQueriesSubject>): void {
  describe(`StatsQueries contract: ${name}`, () => {
    let subject: StatsQueriesSubject;
    let clock: FakeClock;
    let stats: StatsQueries;

    beforeAll(async () => {
      subject = await open(seedStats);
      stats = subject.stats;
    });

    afterAll(async () => {
      await subject.close();
    });

    beforeEach(() => {
      clock = new FakeClock(NOW);
    });

    it('counts users by status and role, leaving soft-deleted accounts out', async () => {
      expect(await new GetUserStats(stats, clock).execute()).toEqual({
        totalUsers: 6,
        totalActiveUsers: 4,
        totalInActiveUsers: 1,
        totalBlockedUsers: 1,
        newUsersInLast7Days: 3,
        newUsersInLast30Days: 5,
        usersByRole: [{ _id: 'USER', count: 4 }, { _id: 'ADMIN', count: 1 }, { _id: 'GUIDE', count: 1 }],
      });
    });

    it('computes the time windows from the clock at each request, never once at start-up', async () => {
      const getUserStats = new GetUserStats(stats, clock);
      const getBookingStats = new GetBookingStats(stats, clock);
      clock.advance(2 * DAY);

      const users = await getUserStats.execute();
      const bookings = await getBookingStats.execute();

      // u5 (7 days less an hour old) and u6 have left the 7-day window; u1 and u2 are still in it.
      expect([users.newUsersInLast7Days, users.newUsersInLast30Days]).toEqual([2, 5]);
      // b6 (6 days old) is now 8 days old; b3 (8 → 10) stays in the 30-day window.
      expect([bookings.bookingsLast7Days, bookings.bookingsLast30Days]).toEqual([2, 5]);
    });

    it('counts tours by type and division, averages cost in the business currency, ranks the most booked', async () => {
      const result = await new GetTourStats(stats, 'BDT').execute();

      expect(result.totalTour).toBe(4);
      expect(result.totalTourByTourType).toEqual([{ _id: 'tt1', count: 3, name: 'Adventure' }, { _id: 'tt2', count: 1, name: 'Beach' }]);
      expect(result.totalTourByDivision).toEqual([{ _id: 'd1', count: 2, name: 'Dhaka' }, { _id: 'd2', count: 2, name: 'Sylhet' }]);
      // (1,000,000 + 2,000,050 + 1,500,000) / 3 = 1,500,016.67 minor → 15,000.17 BDT; the USD tour is left out
      expect([result.avgTourCost.minor, result.avgTourCost.currency]).toEqual([1_500_017, 'BDT']);
      expect(result.totalHighestBookedTour).toEqual([
        { _id: 't1', bookingCount: 3, tour: { title: 'Cox Bazar Escape', slug: 'cox-bazar-escape' } },
        { _id: 't2', bookingCount: 2, tour: { title: 'Sundarbans Trek', slug: 'sundarbans-trek' } },
        { _id: 't3', bookingCount: 1, tour: { title: 'Srimangal Tea Trail', slug: 'srimangal-tea-trail' } },
      ]);
    });

    it('counts bookings by status, per tour, per window and per distinct user', async () => {
      expect(await new GetBookingStats(stats, clock).execute()).toEqual({
        totalBooking: 6,
        totalBookingByStatus: [
          { _id: 'COMPLETE', count: 2 }, { _id: 'CANCEL', count: 1 }, { _id: 'EXPIRED', count: 1 }, { _id: 'FAILED', count: 1 }, { _id: 'PENDING', count: 1 },
        ],
        bookingsPerTour: [
          { _id: 't1', count: 3, bookingCount: 3, tour: { title: 'Cox Bazar Escape', slug: 'cox-bazar-escape' } },
          { _id: 't2', count: 2, bookingCount: 2, tour: { title: 'Sundarbans Trek', slug: 'sundarbans-trek' } },
          { _id: 't3', count: 1, bookingCount: 1, tour: { title: 'Srimangal Tea Trail', slug: 'srimangal-tea-trail' } },
        ],
        avgGuestCountPerBooking: 2.83, // 17 guests / 6 bookings
        bookingsLast7Days: 3,
        bookingsLast30Days: 5,
        totalBookingByUniqueUsers: 4,
      });
    });

    it('sums revenue over PAID payments in the business currency and counts issued invoices', async () => {
      const result = await new GetPaymentStats(stats, 'BDT').execute();

      expect(result.totalPayment).toBe(7);
      expect(result.totalPaymentByStatus).toEqual([
        { _id: 'PAID', count: 3 }, { _id: 'CANCELLED', count: 1 }, { _id: 'FAILED', count: 1 }, { _id: 'REFUNDED', count: 1 }, { _id: 'UNPAID', count: 1 },
      ]);
      expect([result.totalRevenue.minor, result.totalRevenue.currency]).toEqual([5_000_001, 'BDT']);
      expect(result.avgPaymentAmount.minor).toBe(2_500_001); // 2,500,000.5 rounded half up
      expect(result.paymentGatewayData).toEqual([{ _id: 'sandbox', count: 5 }, { _id: 'sslcommerz', count: 2 }]);
      expect(result.invoicesIssued).toBe(2);
      expect([result.totalRefunds, result.totalRefunded.minor]).toEqual([1, 1_000_050]);
    });

    it('over an empty store answers zeros and empty breakdowns, not nulls', async () => {
      const empty = await open(null);
      try {
        const stats = empty.stats;
        const clock = new FakeClock(NOW);
        expect((await new GetUserStats(stats, clock).execute()).totalUsers).toBe(0);
        const tours = await new GetTourStats(stats, 'BDT').execute();
        expect([tours.totalTour, tours.avgTourCost.minor, tours.totalHighestBookedTour]).toEqual([0, 0, []]);
        const bookings = await new GetBookingStats(stats, clock).execute();
        expect([bookings.totalBooking, bookings.avgGuestCountPerBooking, bookings.totalBookingByUniqueUsers]).toEqual([0, 0, 0]);
        const payments = await new GetPaymentStats(stats, 'BDT').execute();
        expect([payments.totalPayment, payments.totalRevenue.minor, payments.avgPaymentAmount.minor, payments.invoicesIssued, payments.totalRefunds, payments.totalRefunded.minor]).toEqual([0, 0, 0, 0, 0, 0]);
      } finally {
        await empty.close();
      }
    });
  });
}
