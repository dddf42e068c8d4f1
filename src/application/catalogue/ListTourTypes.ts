import type { TourType } from '../../domain/catalogue/TourType';
import type { TourTypeRepository } from '../ports/TourTypeRepository';
import type { ListQuery, Page } from '../shared/ListQuery';

export class ListTourTypes {
  constructor(private readonly tourTypes: TourTypeRepository) {}

  execute(query: ListQuery): Promise<Page<TourType>> {
    return this.tourTypes.list(query);
  }
}
