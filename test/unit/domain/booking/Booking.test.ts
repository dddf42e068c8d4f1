import type { BookingStatus } from '../../../../src/domain/booking/Booking';
import { BOOKING_STATUSES, Booking } from '../../../../src/domain/booking/Booking';
import { assertSeatsAvailable } from '../../../../src/domain/booking/SeatPolicy';
import { Conflict, ValidationFailed } from '../../../../src/domain/shared/errors';
import { Money } from '../../../../src/domain/shared/Money';

const now = new Date('2026-03-01T10:00:00.000Z');
const later = (ms: number) => new Date(now.getTime() + ms);
const HOLD = 30 * 60_000;

function booking(status: BookingStatus = 'PENDING'): Booking {
  const b = Booking.hold({ id: 'b1', userId: 'u1', tourId: 't1', guestCount: 3, unitPrice: Money.ofMinor(1_250_050, 'BDT'), now, holdMs: HOLD });
  return status === 'PENDING' ? b : Booking.restore({ ...b.toProps(), status });
}

const ALLOWED: [BookingStatus, BookingStatus][] = [['PENDING', 'COMPLETE'], ['PENDING', 'CANCEL'], ['PENDING', 'FAILED'], ['PENDING', 'EXPIRED']];
const ALL_PAIRS = BOOKING_STATUSES.flatMap((from) => BOOKING_STATUSES.map((to) => [from, to] as [BookingStatus, BookingStatus]));

describe('Booking state machine', () => {
  test.each(ALL_PAIRS)('%s → %s', (from, to) => {
    const b = booking(from);
    const allowed = ALLOWED.some(([f, t]) => f === from && t === to);
    expect(Booking.canMove(from, to)).toBe(allowed);
    if (allowed) {
      b.moveTo(to, later(HOLD));
      expect(b.status).toBe(to);
      expect(b.updatedAt).toEqual(later(HOLD));
    } else {
      expect(() => b.moveTo(to, later(1))).toThrow(expect.objectContaining({ code: 'BOOKING.INVALID_TRANSITION' }));
      expect(b.status).toBe(from);
    }
  });

  test('a hold fixes the amount at guests × price in minor units and holds until expiresAt', () => {
    const b = booking();
    expect(b.amount.minor).toBe(3_750_150);
    expect(b.amount.currency).toBe('BDT');
    expect(b.expiresAt).toEqual(later(HOLD));
    expect(b.holdsSeats(later(HOLD - 1))).toBe(true);
    expect(b.holdsSeats(later(HOLD))).toBe(false);
  });

  test('expiring refuses while the hold lasts and works once it lapsed', () => {
    const b = booking();
    expect(() => b.expire(later(HOLD - 1))).toThrow(expect.objectContaining({ code: 'BOOKING.HOLD_NOT_LAPSED' }));
    b.expire(later(HOLD));
    expect(b.status).toBe('EXPIRED');
    expect(b.holdsSeats(later(HOLD))).toBe(false);
  });

  test('a COMPLETE booking holds its seats forever; CANCEL, FAILED and EXPIRED release them', () => {
    expect(booking('COMPLETE').holdsSeats(later(10 * HOLD))).toBe(true);
    for (const s of ['CANCEL', 'FAILED', 'EXPIRED'] as const) expect(booking(s).holdsSeats(now)).toBe(false);
  });

  test('guestCount must be a positive whole number', () => {
    for (const guestCount of [0, -1, 1.5, Number.NaN]) {
      expect(() => Booking.hold({ id: 'b', userId: 'u', tourId: 't', guestCount, unitPrice: Money.ofMinor(100, 'BDT'), now, holdMs: HOLD })).toThrow(ValidationFailed);
    }
  });

  test('payable only while PENDING with a live hold', () => {
    expect(() => booking().assertPayable(later(HOLD - 1))).not.toThrow();
    expect(() => booking().assertPayable(later(HOLD))).toThrow(expect.objectContaining({ code: 'BOOKING.HOLD_LAPSED' }));
    expect(() => booking('CANCEL').assertPayable(now)).toThrow(expect.objectContaining({ code: 'BOOKING.NOT_PAYABLE' }));
  });
});

describe('assertSeatsAvailable', () => {
  const tour = { capacity: 10, startDate: later(86_400_000) };

  test('accepts up to the seats left', () => {
    expect(() => assertSeatsAvailable(tour, 7, 3, now)).not.toThrow();
  });

  test('more than the seats left is a Conflict with a stable code', () => {
    expect(() => assertSeatsAvailable(tour, 8, 3, now)).toThrow(Conflict);
    expect(() => assertSeatsAvailable(tour, 8, 3, now)).toThrow(expect.objectContaining({ code: 'BOOKING.NOT_ENOUGH_SEATS' }));
  });

  test('more than the tour ever has is out of range (400), naming guestCount', () => {
    expect(() => assertSeatsAvailable(tour, 0, 11, now)).toThrow(expect.objectContaining({ code: 'BOOKING.GUEST_COUNT_OUT_OF_RANGE', problems: [expect.objectContaining({ path: 'guestCount' })] }));
  });

  test('a tour that started cannot be booked', () => {
    expect(() => assertSeatsAvailable({ capacity: 10, startDate: now }, 0, 1, now)).toThrow(expect.objectContaining({ code: 'BOOKING.TOUR_STARTED' }));
  });
});
