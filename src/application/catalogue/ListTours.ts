import type { ListQuery, Page } from '../shared/ListQuery';
import type { TourView, TourViews } from './TourViews';

export class ListTours {
  constructor(private readonly views: TourViews) {}

  execute(query: ListQuery): Promise<Page<TourView>> {
    return this.views.page(query);
  }
}
