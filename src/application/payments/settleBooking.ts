import { Booking } from '../../domain/booking/Booking';
import { BookingRepository } from '../ports/BookingRepository';

export interface Settlement {
  /** The booking moved (in memory; the caller saves it). */
  moved: boolean;
  /** Money arrived for seats we cannot give. */
  refundDue: boolean;
}

/** Moves a booking for a payment outcome and says whether the money must go back. */
export async function settleBooking(booking: Booking, outcome: 'PAID' | 'FAILED' | 'CANCELLED', now: Date, bookings: BookingRepository): Promise<Settlement> {
  if (booking.status !== 'PENDING') return { moved: false, refundDue: outcome === 'PAID' };
  if (outcome === 'FAILED') booking.fail(now);
  else if (outcome === 'CANCELLED') booking.cancel(now);
  else if (booking.holdsSeats(now)) booking.complete(now);
  else {
    // Paid after the hold lapsed: the seats count again only if nobody took them meanwhile.
    const tour = await bookings.lockTour(booking.tourId);
    const seatsLeft = tour ? tour.capacity - (await bookings.seatsHeld(tour.id, now)) : 0;
    if (seatsLeft < booking.guestCount) {
      booking.fail(now);
      return { moved: true, refundDue: true };
    }
    booking.complete(now);
  }
  return { moved: true, refundDue: false };
}
