import type { Booking, BookingStatus } from '../../domain/booking/Booking';
import type { Money } from '../../domain/shared/Money';
import type { ListQuery, Page } from '../shared/ListQuery';
import type { LockOption } from './UnitOfWork';

/** A tour as a booking sees it: its price and how many seats it has. */
export interface BookableTour {
  id: string;
  title: string;
  capacity: number;
  startDate: Date | null;
  price: Money;
}

/** A booking with what lists and detail pages show next to it. */
export interface BookingView {
  booking: Booking;
  tour: { id: string; title: string; slug: string; images: string[]; startDate: Date | null } | null;
  payment: { id: string; status: string; amount: Money; transactionId: string; invoiceNumber: string | null; refundDue: boolean } | null;
  user: { id: string; name: string; email: string } | null;
}

export interface BookingRepository {
  /**
   * The tour, locked until the transaction ends (a row lock on MySQL; SQLite transactions already
   * run one at a time). Every transaction that touches the tour's seats takes it first.
   */
  lockTour(tourId: string): Promise<BookableTour | null>;
  /**
   * Seats held at `now` by PENDING bookings with a live hold and by COMPLETE ones: the count every
   * write decides on, read under the tour's lock (a locking read on MySQL, so it sees the latest commit).
   */
  seatsHeld(tourId: string, now: Date): Promise<number>;
  create(booking: Booking): Promise<void>;
  findById(id: string, options?: LockOption): Promise<Booking | null>;
  /** Saves the booking only if it is still `expected`; false when another request moved it first. */
  saveTransition(booking: Booking, expected: BookingStatus): Promise<boolean>;
  /** Tours that have PENDING bookings whose hold lapsed at `now`. */
  toursWithLapsedHolds(now: Date): Promise<string[]>;
  /** The tour's PENDING bookings whose hold lapsed at `now` become EXPIRED; returns how many. Under the tour's lock. */
  expireLapsed(tourId: string, now: Date): Promise<number>;
  findView(id: string): Promise<BookingView | null>;
  /** `scope.userId` limits the list to one traveller's bookings. */
  listViews(query: ListQuery, scope?: { userId?: string }): Promise<Page<BookingView>>;
}
