import { Slug } from '../../domain/catalogue/Slug';
import { Tour } from '../../domain/catalogue/Tour';
import { Money } from '../../domain/shared/Money';
import type { Clock } from '../ports/Clock';
import type { DivisionRepository } from '../ports/DivisionRepository';
import type { IdGenerator } from '../ports/IdGenerator';
import type { TourRepository } from '../ports/TourRepository';
import type { TourTypeRepository } from '../ports/TourTypeRepository';
import type { UnitOfWork } from '../ports/UnitOfWork';
import type { IncomingFile } from '../shared/IncomingFile';
import { assertCatalogueRefs } from './CatalogueRefs';
import type { ImageUploads } from './ImageUploads';
import { retryOnSlugTaken } from './retryOnSlugTaken';
import type { TourInput } from './TourInput';
import type { TourView, TourViews } from './TourViews';

export class CreateTour {
  constructor(
    private readonly tours: TourRepository,
    private readonly divisions: DivisionRepository,
    private readonly tourTypes: TourTypeRepository,
    private readonly uploads: ImageUploads,
    private readonly views: TourViews,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
    private readonly defaultCurrency: string,
  ) {}

  async execute(input: TourInput, images: IncomingFile[] = []): Promise<TourView> {
    const { division, tourType, costFrom, currency, maxGuest, ...details } = input;
    const cost = Money.fromMajor(costFrom, currency ?? this.defaultCurrency, 'costFrom');
    const base = Slug.fromText(input.title, 'title');
    const tour = await this.uploads.storeThen(images, 'tours', 'files', (keys) => retryOnSlugTaken(() =>
      this.uow.run(async () => {
        await assertCatalogueRefs(this.divisions, this.tourTypes, { division, tourType });
        const slug = base.unique(await this.tours.slugsLike(base.value));
        const created = Tour.create({
          ...details,
          description: details.description ?? null, location: details.location ?? null,
          startDate: details.startDate ?? null, endDate: details.endDate ?? null,
          departureLocation: details.departureLocation ?? null, arrivalLocation: details.arrivalLocation ?? null,
          included: details.included ?? [], excluded: details.excluded ?? [], amenities: details.amenities ?? [], tourPlan: details.tourPlan ?? [],
          minAge: details.minAge ?? null,
          costFrom: cost, maxGuest, divisionId: division, tourTypeId: tourType,
          id: this.ids.next(), slug, images: keys, now: this.clock.now(),
        });
        await this.tours.save(created);
        return created;
      }),
    ));
    return this.views.one(tour);
  }
}
