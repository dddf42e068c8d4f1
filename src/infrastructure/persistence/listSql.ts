import type { ListQuery } from '../../application/shared/ListQuery';

export interface ListColumns {
  /** API field name → column expression (`u.email`). Only these may be filtered, sorted or ranged. */
  columns: Record<string, string>;
  /** API fields `searchTerm` looks in. */
  searchable: string[];
}

export type SqlValue = string | number | boolean | Date | null;

/** A validated ListQuery as SQL pieces with `:named` parameters; the same SQL on MySQL and SQLite. */
export interface ListSql {
  conditions: string[];
  params: Record<string, SqlValue>;
  orderBy: { expression: string; direction: 'ASC' | 'DESC' }[];
  offset: number;
  limit: number;
}

export function listSql(query: ListQuery, spec: ListColumns, dialect: 'mysql' | 'sqlite'): ListSql {
  const column = (field: string): string => {
    const found = spec.columns[field];
    if (!found) throw new Error(`List field ${field} is not mapped`);
    return found;
  };
  const conditions: string[] = [];
  const params: Record<string, SqlValue> = {};
  const param = (value: SqlValue): string => {
    const name = `lq${Object.keys(params).length}`;
    params[name] = value;
    return `:${name}`;
  };
  if (query.searchTerm && spec.searchable.length) {
    const like = param(`%${query.searchTerm.replace(/[!%_]/g, (c) => `!${c}`)}%`);
    conditions.push(`(${spec.searchable.map((f) => `LOWER(${column(f)}) LIKE LOWER(${like}) ESCAPE '!'`).join(' OR ')})`);
  }
  for (const [field, value] of Object.entries(query.filters)) conditions.push(`${column(field)} = ${param(value)}`);
  for (const [field, range] of Object.entries(query.ranges)) {
    if (range.gte !== undefined) conditions.push(`${column(field)} >= ${param(range.gte)}`);
    if (range.lte !== undefined) conditions.push(`${column(field)} <= ${param(range.lte)}`);
  }
  const sort = query.sort.length || !spec.columns.createdAt ? query.sort : [{ field: 'createdAt', direction: 'DESC' as const }];
  // MySQL's *_ci collations order text without regard to case; SQLite's default is binary. NOCASE
  // aligns them (it changes nothing for numbers and ISO timestamps).
  const collate = dialect === 'sqlite' ? ' COLLATE NOCASE' : '';
  const orderBy = sort.map((key) => ({ expression: `${column(key.field)}${collate}`, direction: key.direction }));
  // A stable tiebreaker keeps pages from overlapping when sort values repeat.
  if (spec.columns.id) orderBy.push({ expression: spec.columns.id, direction: sort[0]?.direction ?? 'DESC' });
  return { conditions, params, orderBy, offset: (query.page - 1) * query.limit, limit: query.limit };
}
