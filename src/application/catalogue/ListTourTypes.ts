import { TourType } from '../../domain/catalogue/TourType';
import { TourTypeRepository } from '../ports/TourTypeRepository';
import { ListQuery, Page } from '../shared/ListQuery';

export class ListTourTypes {
  constructor(private readonly tourTypes: TourTypeRepository) {}

  execute(query: ListQuery): Promise<Page<TourType>> {
    return this.tourTypes.list(query);
  }
}
