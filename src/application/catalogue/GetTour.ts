import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { NotFound } from '../../domain/shared/errors';
import type { TourRepository } from '../ports/TourRepository';
import type { TourView, TourViews } from './TourViews';

/** One tour by slug (what links use) or by id, with seats left. */
export class GetTour {
  constructor(private readonly tours: TourRepository, private readonly views: TourViews) {}

  async execute(slugOrId: string): Promise<TourView> {
    const tour = (await this.tours.findBySlug(slugOrId)) ?? (await this.tours.findById(slugOrId));
    if (!tour) throw NotFound.of('Tour', ERROR_CODES.TOUR.NOT_FOUND);
    return this.views.one(tour);
  }
}
