import Joi from 'joi';
import type { FilterValue, ListQuery, RangeFilter } from '../../application/shared/ListQuery';
import { ValidationFailed } from '../../domain/shared/errors';
import type { Reply } from './envelope';
import { listMeta } from './envelope';
import type { Fields, Typed } from './schema';
import { as, withDefault } from './schema';

export interface ListSpec {
  /** Exact-match filters: query name → schema. `_id` is always accepted. */
  filters: Record<string, Joi.Schema>;
  /** Range filters: query name → the field it bounds and which side. */
  ranges?: Record<string, { field: string; bound: 'gte' | 'lte'; schema: Joi.Schema }>;
  sortable: string[];
  /** Fields `fields=` may project; `_id` is always kept. */
  projectable: string[];
}

/** The largest page a list answers. Larger `limit`s are clamped to it (`meta.limit` says so), never refused. */
export const MAX_PAGE_SIZE = 100;

const BASE = {
  searchTerm: Joi.string().trim().max(100).allow(''),
  sort: Joi.string().max(200),
  fields: Joi.string().max(500),
  page: withDefault(Joi.number().integer().min(1).max(100000), 1),
  // Front ends written for the original API ask for `limit=1000` to fill dropdowns: any size above the
  // maximum, however large, is served as the maximum.
  limit: withDefault(
    Joi.number().integer().min(1).unsafe().allow(Infinity).description(`page size; values above ${MAX_PAGE_SIZE} are served as ${MAX_PAGE_SIZE} (see meta.limit)`),
    10,
  ),
  _id: Joi.string().max(64),
};

/** A list query as validated: the common parameters, and the endpoint's filters and ranges by their query names. */
export type ListQueryInput = Fields<typeof BASE> & Record<string, unknown>;

/** The joi schema of one endpoint's list query; unknown names are refused with a 400. */
export function listQuerySchema(spec: ListSpec): Typed<ListQueryInput, false> {
  const ranges = Object.fromEntries(Object.entries(spec.ranges ?? {}).map(([name, r]) => [name, r.schema]));
  // The filters differ per endpoint; what they convert to is read back by name (toListQuery) and checked there.
  return as<ListQueryInput>(Joi.object({ ...BASE, ...spec.filters, ...ranges }));
}

function csv(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

const isFilterValue = (value: unknown): value is FilterValue => ['string', 'number', 'boolean'].includes(typeof value) && value !== '';
const isBound = (value: unknown): value is number | Date => typeof value === 'number' || value instanceof Date;

export interface ParsedList {
  query: ListQuery;
  fields: string[];
}

/** Turns an already validated query object into a ListQuery, checking sort and projection names. */
export function toListQuery(raw: ListQueryInput, spec: ListSpec): ParsedList {
  const sort = csv(raw.sort).map((token) => {
    const field = token.replace(/^-/, '');
    if (!spec.sortable.includes(field)) {
      throw ValidationFailed.field('sort', `cannot sort by "${field}"; allowed: ${spec.sortable.join(', ')}`);
    }
    return { field, direction: token.startsWith('-') ? ('DESC' as const) : ('ASC' as const) };
  });
  const fields = csv(raw.fields);
  const unknown = fields.filter((f) => f !== '_id' && f !== 'id' && !spec.projectable.includes(f));
  if (unknown.length) throw ValidationFailed.field('fields', `unknown field(s) ${unknown.join(', ')}`);
  const filters: ListQuery['filters'] = {};
  for (const name of Object.keys(spec.filters)) {
    const value = raw[name];
    if (isFilterValue(value)) filters[name] = value;
  }
  if (raw._id) filters.id = raw._id;
  const ranges: Record<string, RangeFilter> = {};
  for (const [name, r] of Object.entries(spec.ranges ?? {})) {
    const value = raw[name];
    if (isBound(value)) ranges[r.field] = { ...ranges[r.field], [r.bound]: value };
  }
  const limit = Math.min(raw.limit, MAX_PAGE_SIZE);
  return { query: { searchTerm: raw.searchTerm || undefined, filters, ranges, sort, page: raw.page, limit }, fields };
}

export function project<T extends Record<string, unknown>>(item: T, fields: string[]): Partial<T> {
  if (!fields.length) return item;
  const keep = new Set([...fields, '_id', 'id']);
  return Object.fromEntries(Object.entries(item).filter(([key]) => keep.has(key))) as Partial<T>;
}

/** A list reply: projected items plus the `meta` block clients page with. */
export function listReply<T extends Record<string, unknown>>(message: string, page: { items: T[]; total: number; page: number; limit: number }, fields: string[]): Reply {
  return { message, data: page.items.map((item) => project(item, fields)), meta: listMeta(page) };
}
