import type { Tour } from '../../domain/catalogue/Tour';
import type { Clock } from '../ports/Clock';
import type { DivisionRepository } from '../ports/DivisionRepository';
import type { SeatLedger } from '../ports/SeatLedger';
import type { TourTypeRepository } from '../ports/TourTypeRepository';
import type { ImageUrls } from './ImageUrls';

/** A tour with what readers see next to it: names of its division and type, seats left, image URLs. */
export interface TourView {
  tour: Tour;
  divisionName: string | null;
  tourTypeName: string | null;
  seatsLeft: number;
  imageUrls: string[];
}

/** Builds views for any number of tours with a fixed number of queries (no N+1). */
export class TourViews {
  constructor(
    private readonly divisions: DivisionRepository,
    private readonly tourTypes: TourTypeRepository,
    private readonly ledger: SeatLedger,
    private readonly urls: ImageUrls,
    private readonly clock: Clock,
  ) {}

  async of(tours: Tour[]): Promise<TourView[]> {
    if (!tours.length) return [];
    const unique = (values: string[]) => [...new Set(values)];
    const [divisions, tourTypes, held, urls] = await Promise.all([
      this.divisions.findByIds(unique(tours.map((t) => t.divisionId))),
      this.tourTypes.findByIds(unique(tours.map((t) => t.tourTypeId))),
      this.ledger.seatsHeld(tours.map((t) => t.id), this.clock.now()),
      this.urls.urls(tours.flatMap((t) => [...t.images])),
    ]);
    const divisionName = new Map(divisions.map((d) => [d.id, d.name]));
    const tourTypeName = new Map(tourTypes.map((t) => [t.id, t.name]));
    return tours.map((tour) => ({
      tour,
      divisionName: divisionName.get(tour.divisionId) ?? null,
      tourTypeName: tourTypeName.get(tour.tourTypeId) ?? null,
      seatsLeft: tour.seatsLeft(held.get(tour.id) ?? 0),
      imageUrls: tour.images.map((key) => urls.get(key) ?? key),
    }));
  }

  async one(tour: Tour): Promise<TourView> {
    return (await this.of([tour]))[0];
  }
}
