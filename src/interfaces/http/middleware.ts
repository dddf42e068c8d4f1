import { randomUUID } from 'node:crypto';
import { Context, Next } from 'koa';
import { Config } from '../../infrastructure/config/Config';
import { PinoLogger } from '../../infrastructure/logging/PinoLogger';
import { requestContext } from '../../infrastructure/logging/requestContext';
import { withDatabaseOutageClassified } from '../../infrastructure/persistence/databaseUnavailable';
import { DependencyUnavailable, RateLimited } from '../../domain/shared/errors';
import { errorBody } from './envelope';
import { statusOf } from './errorStatus';
import { removeTemporaryUploads } from './uploads';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/** What a 503 tells clients to wait: a database or service that went away usually answers again within seconds. */
const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** Gives every request an id (echoed when the client sent a sane one) and logs it once done. */
export function requestLogging(logger: PinoLogger) {
  return async (ctx: Context, next: Next): Promise<void> => {
    const given = ctx.get('x-request-id');
    const requestId = REQUEST_ID.test(given) ? given : randomUUID();
    ctx.state.requestId = requestId;
    ctx.set('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    await requestContext.run({ requestId }, async () => {
      try {
        await next();
      } finally {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        const route = (ctx as unknown as { _matchedRoute?: string })._matchedRoute ?? 'unmatched';
        logger.pino.info({ method: ctx.method, url: ctx.path, route, status: ctx.status, ms: Math.round(ms * 10) / 10 }, 'request');
        await removeTemporaryUploads(ctx).catch(() => undefined);
      }
    });
  };
}

/** Maps every error to the error envelope; only unexpected ones become a 500, without internals. */
export function errorEnvelope(config: Config, logger: PinoLogger) {
  return async (ctx: Context, next: Next): Promise<void> => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body == null) {
        ctx.status = 404;
        ctx.body = errorBody(404, `Route not found: ${ctx.method} ${ctx.path}`, [{ path: ctx.path, message: 'no such route' }], ctx.state.requestId);
      } else if (ctx.status >= 400 && ctx.body == null) {
        // e.g. the router's 405 (its Allow header stays): still the error envelope, not Koa's plain text.
        const status = ctx.status;
        const message = `${ctx.message}: ${ctx.method} ${ctx.path}`;
        ctx.status = status;
        ctx.body = errorBody(status, message, [{ path: ctx.path, message: ctx.message.toLowerCase() }], ctx.state.requestId);
      }
    } catch (thrown) {
      const error = withDatabaseOutageClassified(thrown);
      let status = statusOf(error);
      const known = status !== 500;
      const e = error as { message?: string; code?: string; problems?: { path: string; message: string }[] };
      if (e.code === 'AUTH.TOKEN_EXPIRED') status = config.auth.legacyExpiredTokenStatus;
      if (error instanceof RateLimited) ctx.set('Retry-After', String(Math.max(1, Math.ceil(error.retryAfterSeconds))));
      if (error instanceof DependencyUnavailable) ctx.set('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
      if (!known) logger.pino.error({ err: thrown }, 'unhandled error');
      else if (status >= 500) logger.pino.warn({ err: thrown }, e.message ?? 'dependency unavailable');
      const message = known || config.env === 'development' ? (e.message ?? 'Error') : 'Something went wrong';
      const sources = e.problems?.length ? e.problems : [{ path: '', message }];
      ctx.status = status;
      ctx.body = errorBody(status, message, sources, ctx.state.requestId, known && e.code ? { code: e.code } : {});
    }
  };
}
