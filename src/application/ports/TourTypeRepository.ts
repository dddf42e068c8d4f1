import { TourType } from '../../domain/catalogue/TourType';
import { ListQuery, Page } from '../shared/ListQuery';

export interface TourTypeRepository {
  findById(id: string): Promise<TourType | null>;
  findByName(name: string): Promise<TourType | null>;
  findByIds(ids: string[]): Promise<TourType[]>;
  /** Inserts or updates. Throws Conflict when the name is taken. */
  save(tourType: TourType): Promise<void>;
  /** Throws Conflict when tours still reference it. */
  delete(id: string): Promise<void>;
  list(query: ListQuery): Promise<Page<TourType>>;
}
