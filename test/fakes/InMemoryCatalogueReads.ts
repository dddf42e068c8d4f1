import type { CatalogueReads, TourListing } from '../../src/application/ports/CatalogueReads';
import type { DivisionRepository } from '../../src/application/ports/DivisionRepository';
import type { SeatLedger } from '../../src/application/ports/SeatLedger';
import type { TourRepository } from '../../src/application/ports/TourRepository';
import type { TourTypeRepository } from '../../src/application/ports/TourTypeRepository';
import type { ListQuery, Page } from '../../src/application/shared/ListQuery';
import type { Tour } from '../../src/domain/catalogue/Tour';

/** The read model over the in-memory repositories and ledger: what the SQL adapter reads in one statement. */
export class InMemoryCatalogueReads implements CatalogueReads {
  constructor(
    private readonly tours: TourRepository,
    private readonly divisions: DivisionRepository,
    private readonly tourTypes: TourTypeRepository,
    private readonly ledger: SeatLedger,
  ) {}

  async listTours(query: ListQuery, now: Date): Promise<Page<TourListing>> {
    const page = await this.tours.list(query);
    return { ...page, items: await this.listings(page.items, now) };
  }

  async findTour(slugOrId: string, now: Date): Promise<TourListing | null> {
    const tour = (await this.tours.findBySlug(slugOrId)) ?? (await this.tours.findById(slugOrId));
    return tour ? (await this.listings([tour], now))[0] : null;
  }

  private async listings(tours: Tour[], now: Date): Promise<TourListing[]> {
    const [divisions, tourTypes, held] = await Promise.all([
      this.divisions.findByIds(tours.map((t) => t.divisionId)),
      this.tourTypes.findByIds(tours.map((t) => t.tourTypeId)),
      this.ledger.seatsHeld(tours.map((t) => t.id), now),
    ]);
    return tours.map((tour) => {
      const { slug, costFrom, ...p } = tour.toProps();
      return {
        ...p, slug: slug.value, costFrom: costFrom.minor, currency: costFrom.currency,
        included: [...p.included], excluded: [...p.excluded], amenities: [...p.amenities], tourPlan: [...p.tourPlan], images: [...p.images],
        divisionName: divisions.find((d) => d.id === p.divisionId)?.name ?? null,
        tourTypeName: tourTypes.find((t) => t.id === p.tourTypeId)?.name ?? null,
        seatsLeft: tour.seatsLeft(held.get(tour.id) ?? 0),
      };
    });
  }
}
