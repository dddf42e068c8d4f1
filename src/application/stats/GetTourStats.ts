import { Money } from '../../domain/shared/Money';
import type { StatsQueries } from '../ports/StatsQueries';
import type { Breakdown } from './statsFigures';

export const MOST_BOOKED_TOURS = 5;

export interface TourStats {
  totalTour: number;
  totalTourByTourType: (Breakdown & { name: string | null })[];
  totalTourByDivision: (Breakdown & { name: string | null })[];
  /** Over tours priced in the business currency. */
  avgTourCost: Money;
  totalHighestBookedTour: { _id: string; bookingCount: number; tour: { title: string; slug: string } }[];
}

export class GetTourStats {
  constructor(private readonly stats: StatsQueries, private readonly currency: string) {}

  async execute(): Promise<TourStats> {
    const figures = await this.stats.tourFigures({ currency: this.currency, mostBookedLimit: MOST_BOOKED_TOURS });
    const named = (rows: typeof figures.byTourType) => rows.map((r) => ({ _id: r.key, count: r.count, name: r.name ?? null }));
    return {
      totalTour: figures.total,
      totalTourByTourType: named(figures.byTourType),
      totalTourByDivision: named(figures.byDivision),
      avgTourCost: Money.ofMinor(Math.round(figures.averageCostMinor ?? 0), this.currency),
      totalHighestBookedTour: figures.mostBooked.map((t) => ({ _id: t.tourId, bookingCount: t.bookingCount, tour: { title: t.title, slug: t.slug } })),
    };
  }
}
