import type { Division } from '../../domain/catalogue/Division';
import type { ListQuery, Page } from '../shared/ListQuery';

export interface DivisionRepository {
  findById(id: string): Promise<Division | null>;
  findBySlug(slug: string): Promise<Division | null>;
  findByIds(ids: string[]): Promise<Division[]>;
  /** Slugs equal to `base` or `base-<n>`, to pick the next free one. */
  slugsLike(base: string): Promise<string[]>;
  /** Inserts or updates. Throws Conflict when the name or slug is taken. */
  save(division: Division): Promise<void>;
  /** Deletes whatever references it: callers check `TourRepository.countReferencing` first, in the same unit of work. */
  delete(id: string): Promise<void>;
  list(query: ListQuery): Promise<Page<Division>>;
}
