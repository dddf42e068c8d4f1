import type { FieldProblem } from '../../domain/shared/errors';

export interface ListMeta {
  page: number;
  limit: number;
  total: number;
  totalPage: number;
}

/** What a handler answers; the router wraps it in the success envelope. */
export interface Reply {
  status?: number;
  message: string;
  data: unknown;
  meta?: ListMeta;
}

export function listMeta(page: { page: number; limit: number; total: number }): ListMeta {
  return { page: page.page, limit: page.limit, total: page.total, totalPage: Math.ceil(page.total / page.limit) };
}

export function successBody(status: number, reply: Reply): Record<string, unknown> {
  return { success: true, statusCode: status, message: reply.message, data: reply.data, ...(reply.meta ? { meta: reply.meta } : {}) };
}

export function errorBody(status: number, message: string, errorSources: FieldProblem[], requestId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { success: false, statusCode: status, message, errorSources, requestId, ...extra };
}
