import type { BookableTour, BookingRepository, BookingView } from '../../src/application/ports/BookingRepository';
import type { LockOption } from '../../src/application/ports/UnitOfWork';
import type { ListQuery, Page } from '../../src/application/shared/ListQuery';
import type { BookingProps, BookingStatus } from '../../src/domain/booking/Booking';
import { Booking } from '../../src/domain/booking/Booking';
import { TransactionalTable } from './TransactionalTable';

type TourRow = BookableTour & { slug: string; images: string[] };

/** Bookings and the tours they are for, as plain props in tables that lock and roll back like the real ones. */
export class InMemoryBookingRepository implements BookingRepository {
  private readonly rows = new TransactionalTable<BookingProps>();
  private readonly tours = new TransactionalTable<TourRow>();
  /** Optional: who booked, for views. */
  users = new Map<string, { id: string; name: string; email: string }>();
  /** Optional: the payment views show next to a booking. */
  paymentOf: (bookingId: string) => BookingView['payment'] = () => null;

  /** `images`: the stored keys views carry, as the tours table holds them. */
  addTour(tour: BookableTour & { slug?: string; images?: string[] }): void {
    this.tours.seed(tour.id, { slug: tour.id, images: [], ...tour });
  }

  async lockTour(tourId: string): Promise<BookableTour | null> {
    const tour = await this.tours.lock(tourId);
    return tour ? { id: tour.id, title: tour.title, capacity: tour.capacity, startDate: tour.startDate, price: tour.price } : null;
  }

  async seatsHeld(tourId: string, now: Date): Promise<number> {
    return [...this.rows.values()]
      .filter((b) => b.tourId === tourId && Booking.restore(b).holdsSeats(now))
      .reduce((sum, b) => sum + b.guestCount, 0);
  }

  async create(booking: Booking): Promise<void> {
    if (this.rows.has(booking.id)) throw new Error(`duplicate booking ${booking.id}`);
    await this.rows.set(booking.id, booking.toProps());
  }

  async findById(id: string, options: LockOption = {}): Promise<Booking | null> {
    const row = options.forUpdate ? await this.rows.lock(id) : this.rows.get(id);
    return row ? Booking.restore(row) : null;
  }

  async saveTransition(booking: Booking, expected: BookingStatus): Promise<boolean> {
    return this.rows.change(booking.id, (row) => (row.status === expected ? booking.toProps() : null));
  }

  async toursWithLapsedHolds(now: Date): Promise<string[]> {
    return [...new Set([...this.rows.values()].filter((b) => lapsed(b, now)).map((b) => b.tourId))].sort();
  }

  async expireLapsed(tourId: string, now: Date): Promise<number> {
    return this.rows.update((b) => b.tourId === tourId && lapsed(b, now), (b) => ({ ...b, status: 'EXPIRED', updatedAt: now }));
  }

  async findView(id: string): Promise<BookingView | null> {
    const row = this.rows.get(id);
    return row ? this.view(row) : null;
  }

  async listViews(query: ListQuery, scope: { userId?: string } = {}): Promise<Page<BookingView>> {
    const matches = [...this.rows.values()]
      .filter((b) => (!scope.userId || b.userId === scope.userId) && (!query.filters.status || b.status === query.filters.status))
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id));
    const start = (query.page - 1) * query.limit;
    return { items: matches.slice(start, start + query.limit).map((b) => this.view(b)), total: matches.length, page: query.page, limit: query.limit };
  }

  all(): Booking[] {
    return [...this.rows.values()].map((b) => Booking.restore(b));
  }

  private view(row: BookingProps): BookingView {
    const tour = this.tours.get(row.tourId);
    return {
      booking: Booking.restore(row),
      tour: tour ? { id: tour.id, title: tour.title, slug: tour.slug, images: [...tour.images], startDate: tour.startDate } : null,
      payment: this.paymentOf(row.id),
      user: this.users.get(row.userId) ?? null,
    };
  }
}

function lapsed(b: BookingProps, now: Date): boolean {
  return b.status === 'PENDING' && b.expiresAt.getTime() <= now.getTime();
}
