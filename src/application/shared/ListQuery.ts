export type FilterValue = string | number | boolean;

export interface SortKey {
  field: string;
  direction: 'ASC' | 'DESC';
}

export interface RangeFilter {
  gte?: number | Date;
  lte?: number | Date;
}

/** A list request already checked against the endpoint's whitelist. */
export interface ListQuery {
  searchTerm?: string;
  filters: Record<string, FilterValue>;
  ranges: Record<string, RangeFilter>;
  sort: SortKey[];
  page: number;
  limit: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  limit: number;
}

export function emptyListQuery(overrides: Partial<ListQuery> = {}): ListQuery {
  return { filters: {}, ranges: {}, sort: [], page: 1, limit: 10, ...overrides };
}

export function mapPage<T, U>(page: Page<T>, fn: (item: T) => U): Page<U> {
  return { ...page, items: page.items.map(fn) };
}
