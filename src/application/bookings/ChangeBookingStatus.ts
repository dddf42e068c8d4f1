import type { Booking, BookingStatus } from '../../domain/booking/Booking';
import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { Conflict, Forbidden, NotFound } from '../../domain/shared/errors';
import type { Actor } from '../../domain/user/Role';
import { isAdmin } from '../../domain/user/Role';
import type { BookingRepository } from '../ports/BookingRepository';
import type { Clock } from '../ports/Clock';
import type { UnitOfWork } from '../ports/UnitOfWork';

/**
 * The owner cancels their own PENDING booking; an admin makes any move the state machine allows.
 * A move changes what the tour's seats hold, so it locks the tour first, then the booking.
 */
export class ChangeBookingStatus {
  constructor(private readonly bookings: BookingRepository, private readonly clock: Clock, private readonly uow: UnitOfWork) {}

  async execute(actor: Actor, bookingId: string, status: BookingStatus): Promise<Booking> {
    return this.uow.run(async () => {
      const located = await this.bookings.findById(bookingId);
      if (located) await this.bookings.lockTour(located.tourId);
      const booking = located ? await this.bookings.findById(bookingId, { forUpdate: true }) : null;
      const admin = isAdmin(actor.role);
      if (!booking || (!admin && !booking.isOwnedBy(actor.userId))) throw NotFound.of('Booking', ERROR_CODES.BOOKING.NOT_FOUND);
      if (!admin && status !== 'CANCEL') throw new Forbidden('You can only cancel your own booking', ERROR_CODES.BOOKING.OWNER_MAY_ONLY_CANCEL);
      const expected = booking.status;
      if (status === 'EXPIRED') booking.expire(this.clock.now());
      else booking.moveTo(status, this.clock.now());
      if (!(await this.bookings.saveTransition(booking, expected))) {
        throw new Conflict('The booking changed meanwhile; reload it', ERROR_CODES.BOOKING.CHANGED_CONCURRENTLY);
      }
      return booking;
    });
  }
}
