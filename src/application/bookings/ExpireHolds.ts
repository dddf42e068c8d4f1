import type { BookingRepository } from '../ports/BookingRepository';
import type { Clock } from '../ports/Clock';
import type { UnitOfWork } from '../ports/UnitOfWork';

/**
 * Releases the seats of PENDING bookings whose hold lapsed, one tour per transaction, each under
 * its tour's lock like every other change to a tour's seats. Safe to run from many processes at once.
 */
export class ExpireHolds {
  constructor(private readonly bookings: BookingRepository, private readonly clock: Clock, private readonly uow: UnitOfWork) {}

  async execute(): Promise<{ expired: number }> {
    const now = this.clock.now();
    let expired = 0;
    for (const tourId of await this.bookings.toursWithLapsedHolds(now)) {
      expired += await this.uow.run(async () => {
        await this.bookings.lockTour(tourId);
        return this.bookings.expireLapsed(tourId, now);
      });
    }
    return { expired };
  }
}
