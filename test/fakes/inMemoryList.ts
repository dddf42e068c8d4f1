import type { ListQuery, Page, SortKey } from '../../src/application/shared/ListQuery';

type Value = string | number | boolean | null;

/** Case-insensitive like the databases' collations; nulls first ascending, like MySQL and SQLite. */
function compare(a: Value, b: Value): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  const x = typeof a === 'string' ? a.toLowerCase() : Number(a);
  const y = typeof b === 'string' ? b.toLowerCase() : Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** `applyListQuery` over an array: the same search, filters, ranges, sort (with id tiebreak) and paging. */
export function listInMemory<P>(rows: P[], query: ListQuery, fields: Record<string, (p: P) => Value>, searchable: string[]): Page<P> {
  const read = (p: P, field: string): Value => {
    const get = fields[field];
    if (!get) throw new Error(`List field ${field} is not mapped`);
    return get(p);
  };
  const term = query.searchTerm?.toLowerCase();
  const matches = rows.filter(
    (p) =>
      (!term || searchable.some((f) => String(read(p, f) ?? '').toLowerCase().includes(term))) &&
      Object.entries(query.filters).every(([field, value]) => read(p, field) === value) &&
      Object.entries(query.ranges).every(([field, range]) => {
        const raw = read(p, field);
        if (raw === null) return false;
        const v = Number(raw);
        return (range.gte === undefined || v >= Number(range.gte)) && (range.lte === undefined || v <= Number(range.lte));
      }),
  );
  const sort: SortKey[] = query.sort.length ? query.sort : [{ field: 'createdAt', direction: 'DESC' }];
  const keys = [...sort, { field: 'id', direction: sort[0].direction }];
  matches.sort((a, b) => {
    for (const key of keys) {
      const c = compare(read(a, key.field), read(b, key.field));
      if (c) return key.direction === 'ASC' ? c : -c;
    }
    return 0;
  });
  const start = (query.page - 1) * query.limit;
  return { items: matches.slice(start, start + query.limit), total: matches.length, page: query.page, limit: query.limit };
}
