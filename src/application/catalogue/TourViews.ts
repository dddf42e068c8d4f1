import type { Tour } from '../../domain/catalogue/Tour';
import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { NotFound } from '../../domain/shared/errors';
import type { CatalogueReads, TourListing } from '../ports/CatalogueReads';
import type { Clock } from '../ports/Clock';
import type { ListQuery, Page } from '../shared/ListQuery';
import type { ImageUrls } from './ImageUrls';

/** A tour as readers see it (names of its division and type, seats left) with its images as URLs. */
export type TourView = TourListing & { imageUrls: string[] };

/** Tours read from the catalogue's read model, image keys signed as URLs (one signing per distinct key). */
export class TourViews {
  constructor(private readonly reads: CatalogueReads, private readonly urls: ImageUrls, private readonly clock: Clock) {}

  async page(query: ListQuery): Promise<Page<TourView>> {
    const page = await this.reads.listTours(query, this.clock.now());
    return { ...page, items: await this.withUrls(page.items) };
  }

  async find(slugOrId: string): Promise<TourView | null> {
    const listing = await this.reads.findTour(slugOrId, this.clock.now());
    return listing ? (await this.withUrls([listing]))[0] : null;
  }

  /** A tour just written, read back as readers will see it. */
  async one(tour: Tour): Promise<TourView> {
    const view = await this.find(tour.id);
    if (!view) throw NotFound.of('Tour', ERROR_CODES.TOUR.NOT_FOUND);
    return view;
  }

  private async withUrls(listings: TourListing[]): Promise<TourView[]> {
    const urls = await this.urls.urls(listings.flatMap((l) => l.images));
    return listings.map((l) => ({ ...l, imageUrls: l.images.map((key) => urls.get(key) ?? key) }));
  }
}
