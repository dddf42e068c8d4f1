import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { NotFound } from '../../domain/shared/errors';
import type { Actor } from '../../domain/user/Role';
import { isAdmin } from '../../domain/user/Role';
import type { ImageUrls } from '../catalogue/ImageUrls';
import type { BookingRepository, BookingView } from '../ports/BookingRepository';
import { withTourImageUrls } from './withTourImageUrls';

/** A booking as its owner or an admin sees it; anyone else learns nothing, not even that it exists. */
export class GetBooking {
  constructor(private readonly bookings: BookingRepository, private readonly urls: ImageUrls) {}

  async execute(actor: Actor, bookingId: string): Promise<BookingView> {
    const view = await this.bookings.findView(bookingId);
    if (!view || (!isAdmin(actor.role) && !view.booking.isOwnedBy(actor.userId))) throw NotFound.of('Booking', ERROR_CODES.BOOKING.NOT_FOUND);
    const [shown] = await withTourImageUrls([view], this.urls);
    return shown;
  }
}
