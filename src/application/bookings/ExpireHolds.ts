import { BookingRepository } from '../ports/BookingRepository';
import { Clock } from '../ports/Clock';
import { UnitOfWork } from '../ports/UnitOfWork';

/** Releases the seats of PENDING bookings whose hold lapsed. Safe to run from many processes at once. */
export class ExpireHolds {
  constructor(private readonly bookings: BookingRepository, private readonly clock: Clock, private readonly uow: UnitOfWork) {}

  async execute(): Promise<{ expired: number }> {
    const expired = await this.uow.run(() => this.bookings.expireLapsed(this.clock.now()));
    return { expired };
  }
}
