import { Booking } from '../../domain/booking/Booking';
import { hasSeatsFor } from '../../domain/booking/SeatPolicy';
import { BookableTour, BookingRepository } from '../ports/BookingRepository';

export interface Settlement {
  /** The booking moved (in memory; the caller saves it). */
  moved: boolean;
  /** Money arrived for seats we cannot give. */
  refundDue: boolean;
}

/**
 * Moves a booking for the outcome its payment took and says whether the money must go back.
 * `tour` is already locked by the caller, so a recount of its seats holds until the commit.
 */
export async function settleBooking(
  booking: Booking, outcome: 'PAID' | 'FAILED' | 'CANCELLED', tour: BookableTour | null, now: Date, bookings: BookingRepository,
): Promise<Settlement> {
  if (booking.status !== 'PENDING') return { moved: false, refundDue: outcome === 'PAID' };
  if (outcome === 'FAILED') booking.fail(now);
  else if (outcome === 'CANCELLED') booking.cancel(now);
  else if (booking.holdsSeats(now)) booking.complete(now);
  // Paid after the hold lapsed: the seats count again only if nobody took them meanwhile.
  else if (tour && hasSeatsFor(tour.capacity, await bookings.seatsHeld(tour.id, now), booking.guestCount)) booking.complete(now);
  else {
    booking.fail(now);
    return { moved: true, refundDue: true };
  }
  return { moved: true, refundDue: false };
}
