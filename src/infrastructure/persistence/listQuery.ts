import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { ListQuery } from '../../application/shared/ListQuery';
import type { ListColumns } from './listSql';
import { listSql } from './listSql';

export type { ListColumns } from './listSql';

/** Applies a validated ListQuery to a query builder; the SQL is the same on MySQL and SQLite. */
export function applyListQuery<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, query: ListQuery, spec: ListColumns): SelectQueryBuilder<T> {
  const sql = listSql(query, spec, qb.connection.driver.options.type === 'better-sqlite3' ? 'sqlite' : 'mysql');
  for (const condition of sql.conditions) qb.andWhere(condition);
  qb.setParameters(sql.params);
  sql.orderBy.forEach((key, i) => (i === 0 ? qb.orderBy(key.expression, key.direction) : qb.addOrderBy(key.expression, key.direction)));
  return qb.skip(sql.offset).take(sql.limit);
}
