import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { NotFound } from '../../domain/shared/errors';
import type { TourView, TourViews } from './TourViews';

/** One tour by slug (what links use) or by id, with seats left. */
export class GetTour {
  constructor(private readonly views: TourViews) {}

  async execute(slugOrId: string): Promise<TourView> {
    const view = await this.views.find(slugOrId);
    if (!view) throw NotFound.of('Tour', ERROR_CODES.TOUR.NOT_FOUND);
    return view;
  }
}
