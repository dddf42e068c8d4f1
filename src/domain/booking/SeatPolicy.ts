import { ERROR_CODES } from '../shared/errorCatalogue';
import { Conflict, ValidationFailed } from '../shared/errors';

/** What a booking needs to know about a tour at the moment it is made. */
export interface TourCapacity {
  capacity: number;
  startDate: Date | null;
}

/** Seats a tour still has: its capacity less what bookings hold, never below zero. */
export function seatsLeft(capacity: number, seatsHeld: number): number {
  return Math.max(0, capacity - seatsHeld);
}

/**
 * The one seat rule: `guestCount` more guests fit while capacity − held ≥ guestCount. New bookings
 * and payments that arrive after their hold lapsed are both decided by it, under the tour's lock.
 */
export function hasSeatsFor(capacity: number, seatsHeld: number, guestCount: number): boolean {
  return guestCount <= seatsLeft(capacity, seatsHeld);
}

/** A tour's capacity may shrink, but never below the seats bookings already hold. */
export function capacityCovers(capacity: number, seatsHeld: number): boolean {
  return capacity >= seatsHeld;
}

/** Refuses a booking for a tour that started, or for more seats than are left. */
export function assertSeatsAvailable(tour: TourCapacity, seatsHeld: number, guestCount: number, now: Date): void {
  if (tour.startDate && tour.startDate.getTime() <= now.getTime()) {
    throw new ValidationFailed('This tour has already started', [{ path: 'tour', message: 'has already started' }], ERROR_CODES.BOOKING.TOUR_STARTED);
  }
  if (guestCount > tour.capacity) {
    throw new ValidationFailed(`guestCount must be at most ${tour.capacity}`, [{ path: 'guestCount', message: `must be at most ${tour.capacity}` }], ERROR_CODES.BOOKING.GUEST_COUNT_OUT_OF_RANGE);
  }
  if (!hasSeatsFor(tour.capacity, seatsHeld, guestCount)) {
    throw new Conflict(`Not enough seats left: ${seatsLeft(tour.capacity, seatsHeld)} left, ${guestCount} asked`, ERROR_CODES.BOOKING.NOT_ENOUGH_SEATS);
  }
}
