import type { TourRepository } from '../ports/TourRepository';
import type { ListQuery, Page } from '../shared/ListQuery';
import type { TourView, TourViews } from './TourViews';

export class ListTours {
  constructor(private readonly tours: TourRepository, private readonly views: TourViews) {}

  async execute(query: ListQuery): Promise<Page<TourView>> {
    const page = await this.tours.list(query);
    return { ...page, items: await this.views.of(page.items) };
  }
}
