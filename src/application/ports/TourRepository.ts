import type { Tour } from '../../domain/catalogue/Tour';
import type { ListQuery, Page } from '../shared/ListQuery';

export interface TourRepository {
  /** `forUpdate` locks the row until the running UnitOfWork ends (bookings lock it too). */
  findById(id: string, options?: { forUpdate?: boolean }): Promise<Tour | null>;
  findBySlug(slug: string): Promise<Tour | null>;
  /** Slugs equal to `base` or `base-<n>`, to pick the next free one. */
  slugsLike(base: string): Promise<string[]>;
  countReferencing(ref: { divisionId?: string; tourTypeId?: string }): Promise<number>;
  /** Inserts or updates. Throws Conflict when the slug is taken. */
  save(tour: Tour): Promise<void>;
  delete(id: string): Promise<void>;
  list(query: ListQuery): Promise<Page<Tour>>;
}
