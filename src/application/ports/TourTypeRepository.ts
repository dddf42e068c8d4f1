import type { TourType } from '../../domain/catalogue/TourType';
import type { ListQuery, Page } from '../shared/ListQuery';

export interface TourTypeRepository {
  findById(id: string): Promise<TourType | null>;
  findByName(name: string): Promise<TourType | null>;
  findByIds(ids: string[]): Promise<TourType[]>;
  /** Inserts or updates. Throws Conflict when the name is taken. */
  save(tourType: TourType): Promise<void>;
  /** Deletes whatever references it: callers check `TourRepository.countReferencing` first, in the same unit of work. */
  delete(id: string): Promise<void>;
  list(query: ListQuery): Promise<Page<TourType>>;
}
