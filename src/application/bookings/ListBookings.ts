import { Forbidden } from '../../domain/shared/errors';
import { Actor, isAdmin } from '../../domain/user/Role';
import { BookingRepository, BookingView } from '../ports/BookingRepository';
import { ListQuery, Page } from '../shared/ListQuery';

/** Every booking (admins), or only the caller's own (`mine`). */
export class ListBookings {
  constructor(private readonly bookings: BookingRepository) {}

  async execute(actor: Actor, query: ListQuery, options: { mine: boolean }): Promise<Page<BookingView>> {
    if (options.mine) return this.bookings.listViews(query, { userId: actor.userId });
    if (!isAdmin(actor.role)) throw new Forbidden();
    return this.bookings.listViews(query);
  }
}
