import { randomUUID } from 'node:crypto';
import type { Context, Next } from 'koa';
import type { Logger } from '../../application/ports/Logger';
import type { Metrics } from '../../application/ports/Metrics';
import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import type { FieldProblem } from '../../domain/shared/errors';
import { DependencyUnavailable, DomainError, RateLimited, ValidationFailed } from '../../domain/shared/errors';
import type { ClassifyFailure, RequestScope } from '../edges';
import { errorBody } from './envelope';
import { statusOf } from './errorStatus';
import { matchedRoute } from './httpMetrics';
import type { HttpSettings } from './HttpSettings';
import { removeTemporaryUploads } from './uploads';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/** What a 503 tells clients to wait: a database or service that went away usually answers again within seconds. */
const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** The id a request is known by: the client's own when it sent a sane one, a fresh one otherwise. */
export function requestIdFrom(given: string | string[] | undefined): string {
  const id = Array.isArray(given) ? given.join(', ') : given;
  return id && REQUEST_ID.test(id) ? id : randomUUID();
}

export interface ServedLine {
  method: string;
  /** The path, without the query string (which may carry search terms or tokens). */
  url: string;
  route: string;
  status: number;
  ms: number;
  /** Given where no request scope carries it (answers served ahead of Koa). */
  requestId?: string;
}

/** The one line every answered request leaves, whichever path answered it. */
export function logServed(logger: Logger, line: ServedLine): void {
  const { method, url, route, status, requestId } = line;
  const ms = Math.round(line.ms * 10) / 10;
  // Literals, not `{ ...line }`: on Node 20 the spread copies outlived young-generation collections
  // even with logging off, tripling each scavenge's pause on answers served ahead of Koa (ADR 0015).
  logger.info(requestId === undefined ? { method, url, route, status, ms } : { method, url, route, status, ms, requestId }, 'request');
}

/** The log line and metric sample of an answer written ahead of Koa, `started` (hrtime) when it came in. */
export function servedAhead(logger: Logger, metrics: Metrics, line: Omit<ServedLine, 'ms'> & { requestId: string }, started: bigint): void {
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  logServed(logger, { method: line.method, url: line.url, route: line.route, status: line.status, ms: seconds * 1e3, requestId: line.requestId });
  metrics.requestServed({ method: line.method, route: line.route, status: line.status }, seconds);
}

/** Gives every request an id (echoed when the client sent a sane one) and logs it once done. */
export function requestLogging(logger: Logger, inRequestScope: RequestScope) {
  return async (ctx: Context, next: Next): Promise<void> => {
    const requestId = requestIdFrom(ctx.get('x-request-id'));
    setRequestId(ctx, requestId);
    ctx.set('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    await inRequestScope(requestId, async () => {
      try {
        await next();
      } finally {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        logServed(logger, { method: ctx.method, url: ctx.path, route: matchedRoute(ctx), status: ctx.status, ms });
        await removeTemporaryUploads(ctx).catch(() => undefined);
      }
    });
  };
}

const setRequestId = (ctx: Context, requestId: string) => {
  (ctx.state as { requestId?: string }).requestId = requestId;
};

/** The id requestLogging gave the request. */
export function requestIdOf(ctx: Context): string {
  return (ctx.state as { requestId?: string }).requestId ?? '';
}

/** What the error envelope says about a thrown error: its message, the fields it names, its stable code. */
function described(error: unknown): { message?: string; code?: string; problems?: FieldProblem[] } {
  if (error instanceof ValidationFailed) return { message: error.message, code: error.code, problems: error.problems };
  if (error instanceof DomainError) return { message: error.message, code: error.code };
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? { message } : {};
}

/** Maps every error to the error envelope; only unexpected ones become a 500, without internals. */
export function errorEnvelope(config: Pick<HttpSettings, 'env' | 'auth'>, logger: Logger, classifyFailure: ClassifyFailure) {
  return async (ctx: Context, next: Next): Promise<void> => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body == null) {
        ctx.status = 404;
        ctx.body = errorBody(404, `Route not found: ${ctx.method} ${ctx.path}`, [{ path: ctx.path, message: 'no such route' }], requestIdOf(ctx));
      } else if (ctx.status >= 400 && ctx.body == null) {
        // e.g. the router's 405 (its Allow header stays): still the error envelope, not Koa's plain text.
        const status = ctx.status;
        const message = `${ctx.message}: ${ctx.method} ${ctx.path}`;
        ctx.status = status;
        ctx.body = errorBody(status, message, [{ path: ctx.path, message: ctx.message.toLowerCase() }], requestIdOf(ctx));
      }
    } catch (thrown) {
      const error = classifyFailure(thrown);
      let status = statusOf(error);
      const known = status !== 500;
      const e = described(error);
      if (e.code === ERROR_CODES.AUTH.TOKEN_EXPIRED) status = config.auth.legacyExpiredTokenStatus;
      if (error instanceof RateLimited) ctx.set('Retry-After', String(Math.max(1, Math.ceil(error.retryAfterSeconds))));
      if (error instanceof DependencyUnavailable) ctx.set('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
      if (!known) logger.error({ err: thrown }, 'unhandled error');
      else if (status >= 500) logger.warn({ err: thrown }, e.message ?? 'dependency unavailable');
      const message = known || config.env === 'development' ? (e.message ?? 'Error') : 'Something went wrong';
      const sources = e.problems?.length ? e.problems : [{ path: '', message }];
      ctx.status = status;
      ctx.body = errorBody(status, message, sources, requestIdOf(ctx), known && e.code ? { code: e.code } : {});
    }
  };
}
