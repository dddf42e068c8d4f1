import type { Clock } from '../ports/Clock';
import type { StatsQueries } from '../ports/StatsQueries';
import type { Breakdown} from './statsFigures';
import { roundTo2, sumOf, windowsEndingAt } from './statsFigures';

export interface BookingStats {
  totalBooking: number;
  totalBookingByStatus: Breakdown[];
  /** `{ _id, count }` like every breakdown, plus the tour for dashboards of the original API. */
  bookingsPerTour: (Breakdown & { bookingCount: number; tour: { title: string; slug: string } })[];
  avgGuestCountPerBooking: number;
  bookingsLast7Days: number;
  bookingsLast30Days: number;
  totalBookingByUniqueUsers: number;
}

export class GetBookingStats {
  constructor(private readonly stats: StatsQueries, private readonly clock: Clock) {}

  async execute(): Promise<BookingStats> {
    const figures = await this.stats.bookingFigures(windowsEndingAt(this.clock.now()));
    return {
      totalBooking: sumOf(figures.byStatus),
      totalBookingByStatus: figures.byStatus.map((r) => ({ _id: r.key, count: r.count })),
      bookingsPerTour: figures.perTour.map((t) => ({ _id: t.tourId, count: t.bookingCount, bookingCount: t.bookingCount, tour: { title: t.title, slug: t.slug } })),
      avgGuestCountPerBooking: roundTo2(figures.averageGuestCount ?? 0),
      bookingsLast7Days: figures.createdInLast7Days,
      bookingsLast30Days: figures.createdInLast30Days,
      totalBookingByUniqueUsers: figures.distinctUsers,
    };
  }
}
