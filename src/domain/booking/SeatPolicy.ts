import { Conflict, ValidationFailed } from '../shared/errors';

/** What a booking needs to know about a tour at the moment it is made. */
export interface TourCapacity {
  capacity: number;
  startDate: Date | null;
}

/** Refuses a booking for a tour that started, or for more seats than are left. */
export function assertSeatsAvailable(tour: TourCapacity, seatsHeld: number, guestCount: number, now: Date): void {
  if (tour.startDate && tour.startDate.getTime() <= now.getTime()) {
    throw new ValidationFailed('This tour has already started', [{ path: 'tour', message: 'has already started' }], 'BOOKING.TOUR_STARTED');
  }
  const seatsLeft = Math.max(0, tour.capacity - seatsHeld);
  if (guestCount > tour.capacity) {
    throw new ValidationFailed(`guestCount must be at most ${tour.capacity}`, [{ path: 'guestCount', message: `must be at most ${tour.capacity}` }], 'BOOKING.GUEST_COUNT_OUT_OF_RANGE');
  }
  if (guestCount > seatsLeft) {
    throw new Conflict(`Not enough seats left: ${seatsLeft} left, ${guestCount} asked`, 'BOOKING.NOT_ENOUGH_SEATS');
  }
}
