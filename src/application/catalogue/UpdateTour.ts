import { Slug } from '../../domain/catalogue/Slug';
import { Money } from '../../domain/shared/Money';
import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { NotFound } from '../../domain/shared/errors';
import type { Clock } from '../ports/Clock';
import type { DivisionRepository } from '../ports/DivisionRepository';
import type { BookingRepository } from '../ports/BookingRepository';
import type { TourRepository } from '../ports/TourRepository';
import type { TourTypeRepository } from '../ports/TourTypeRepository';
import type { UnitOfWork } from '../ports/UnitOfWork';
import type { IncomingFile } from '../shared/IncomingFile';
import { assertCatalogueRefs } from './CatalogueRefs';
import type { ImageUploads } from './ImageUploads';
import type { TourInput } from './TourInput';
import type { TourView, TourViews } from './TourViews';

export type TourChangesInput = Partial<TourInput> & {
  /** Keys or URLs of images to remove. */
  deleteImages?: string[];
  /** Derive a new slug from the (new) title; otherwise the slug never changes. */
  regenerateSlug?: boolean;
};

export class UpdateTour {
  constructor(
    private readonly tours: TourRepository,
    private readonly divisions: DivisionRepository,
    private readonly tourTypes: TourTypeRepository,
    /** The locking count every write decides seats on (not the ledger views read). */
    private readonly seats: Pick<BookingRepository, 'seatsHeld'>,
    private readonly uploads: ImageUploads,
    private readonly views: TourViews,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
  ) {}

  async execute(id: string, input: TourChangesInput, newImages: IncomingFile[] = []): Promise<TourView> {
    const { division, tourType, costFrom, currency, maxGuest, deleteImages, regenerateSlug, ...details } = input;
    const { tour, removed } = await this.uploads.storeThen(newImages, 'tours', 'files', (keys) =>
      this.uow.run(async () => {
        // The tour's lock first, like every change to its seats: a booking taking seats waits for this one.
        const tour = await this.tours.findById(id, { forUpdate: true });
        if (!tour) throw NotFound.of('Tour', ERROR_CODES.TOUR.NOT_FOUND);
        const now = this.clock.now();
        await assertCatalogueRefs(this.divisions, this.tourTypes, { division, tourType });
        const newCurrency = currency ?? tour.costFrom.currency;
        const cost = costFrom !== undefined
          ? Money.fromMajor(costFrom, newCurrency, 'costFrom')
          : currency !== undefined ? Money.ofMinor(tour.costFrom.minor, newCurrency) : undefined;
        let slug: Slug | undefined;
        if (regenerateSlug) {
          const base = Slug.fromText(details.title ?? tour.title, 'title');
          slug = base.unique((await this.tours.slugsLike(base.value)).filter((s) => s !== tour.slug.value));
        }
        tour.edit({ ...details, costFrom: cost, divisionId: division, tourTypeId: tourType, slug }, now);
        if (maxGuest !== undefined) {
          tour.changeCapacity(maxGuest, await this.seats.seatsHeld(id, now), now);
        }
        const removed = deleteImages?.length ? tour.removeImages(deleteImages, now) : [];
        tour.addImages(keys, now);
        await this.tours.save(tour);
        return { tour, removed };
      }),
    );
    await this.uploads.discard(removed);
    return this.views.one(tour);
  }
}
