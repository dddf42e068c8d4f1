import type { Booking } from './Booking';
import { hasSeatsFor } from './SeatPolicy';

/** The outcome a payment took, as the gateway vouched for it. */
export type PaymentOutcome = 'PAID' | 'FAILED' | 'CANCELLED';

/** A tour's seats recounted under its lock: they stay true until the commit. */
export interface SeatCount {
  capacity: number;
  held: number;
}

export interface BookingSettlement {
  /** The booking moved (in memory; the caller saves it). */
  moved: boolean;
  /** Money arrived for seats we cannot give. */
  refundDue: boolean;
}

/** Money that arrived after the booking's hold lapsed: its seats count again only if nobody took them meanwhile, so they are recounted. */
export function needsSeatRecount(booking: Booking | null, outcome: PaymentOutcome, now: Date): boolean {
  return booking !== null && booking.status === 'PENDING' && outcome === 'PAID' && !booking.holdsSeats(now);
}

/**
 * Moves a booking for the outcome its payment took and says whether the money must go back: a
 * PENDING booking fails, is cancelled, or completes when paid within its hold, or after it when the
 * recounted `seats` still fit its guests (else it fails and the money is owed back). Money for a
 * booking that is gone or no longer PENDING is owed back.
 */
export function settleBooking(booking: Booking | null, outcome: PaymentOutcome, now: Date, seats: SeatCount | null): BookingSettlement {
  if (!booking || booking.status !== 'PENDING') return { moved: false, refundDue: outcome === 'PAID' };
  if (outcome === 'FAILED') booking.fail(now);
  else if (outcome === 'CANCELLED') booking.cancel(now);
  else if (booking.holdsSeats(now) || (seats && hasSeatsFor(seats.capacity, seats.held, booking.guestCount))) booking.complete(now);
  else {
    booking.fail(now);
    return { moved: true, refundDue: true };
  }
  return { moved: true, refundDue: false };
}
