import { Forbidden } from '../../domain/shared/errors';
import type { Actor} from '../../domain/user/Role';
import { isAdmin } from '../../domain/user/Role';
import type { ImageUrls } from '../catalogue/ImageUrls';
import type { BookingRepository, BookingView } from '../ports/BookingRepository';
import type { ListQuery, Page } from '../shared/ListQuery';
import { withTourImageUrls } from './withTourImageUrls';

/** Every booking (admins), or only the caller's own (`mine`). */
export class ListBookings {
  constructor(private readonly bookings: BookingRepository, private readonly urls: ImageUrls) {}

  async execute(actor: Actor, query: ListQuery, options: { mine: boolean }): Promise<Page<BookingView>> {
    if (!options.mine && !isAdmin(actor.role)) throw new Forbidden();
    const page = await this.bookings.listViews(query, options.mine ? { userId: actor.userId } : {});
    return { ...page, items: await withTourImageUrls(page.items, this.urls) };
  }
}
