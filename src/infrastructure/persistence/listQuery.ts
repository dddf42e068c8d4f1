import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { ListQuery } from '../../application/shared/ListQuery';

export interface ListColumns {
  /** API field name → column expression (`u.email`). Only these may be filtered, sorted or ranged. */
  columns: Record<string, string>;
  /** API fields `searchTerm` looks in. */
  searchable: string[];
}

/** Applies a validated ListQuery to a query builder; the SQL is the same on MySQL and SQLite. */
export function applyListQuery<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, query: ListQuery, spec: ListColumns): SelectQueryBuilder<T> {
  const column = (field: string): string => {
    const found = spec.columns[field];
    if (!found) throw new Error(`List field ${field} is not mapped`);
    return found;
  };
  let n = 0;
  const param = (): string => `lq${n++}`;
  if (query.searchTerm && spec.searchable.length) {
    const like = `%${query.searchTerm.replace(/[!%_]/g, (c) => `!${c}`)}%`;
    const p = param();
    const ors = spec.searchable.map((f) => `LOWER(${column(f)}) LIKE LOWER(:${p}) ESCAPE '!'`);
    qb.andWhere(`(${ors.join(' OR ')})`, { [p]: like });
  }
  for (const [field, value] of Object.entries(query.filters)) {
    const p = param();
    qb.andWhere(`${column(field)} = :${p}`, { [p]: value });
  }
  for (const [field, range] of Object.entries(query.ranges)) {
    if (range.gte !== undefined) {
      const p = param();
      qb.andWhere(`${column(field)} >= :${p}`, { [p]: range.gte });
    }
    if (range.lte !== undefined) {
      const p = param();
      qb.andWhere(`${column(field)} <= :${p}`, { [p]: range.lte });
    }
  }
  const sort = query.sort.length || !spec.columns.createdAt ? query.sort : [{ field: 'createdAt', direction: 'DESC' as const }];
  // MySQL's *_ci collations order text without regard to case; SQLite's default is binary. NOCASE
  // aligns them (it changes nothing for numbers and ISO timestamps).
  const collate = qb.connection.driver.options.type === 'better-sqlite3' ? ' COLLATE NOCASE' : '';
  const orderBy = (field: string) => `${column(field)}${collate}`;
  sort.forEach((key, i) => (i === 0 ? qb.orderBy(orderBy(key.field), key.direction) : qb.addOrderBy(orderBy(key.field), key.direction)));
  // A stable tiebreaker keeps pages from overlapping when sort values repeat.
  if (spec.columns.id) qb.addOrderBy(spec.columns.id, sort[0]?.direction ?? 'DESC');
  return qb.skip((query.page - 1) * query.limit).take(query.limit);
}
