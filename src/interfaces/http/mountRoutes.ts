import Router from '@koa/router';
import { Context } from 'koa';
import { AccessTokens } from '../../application/ports/AccessTokens';
import { ValidationFailed } from '../../domain/shared/errors';
import { authorize } from './authenticate';
import { RateLimitGuard } from './rateLimit';
import { successBody } from './envelope';
import { RouteDef, asList } from './route';
import { uploadedFiles } from './uploads';
import { validate } from './validate';

export const API_PREFIX = '/api/v1';

/** Multipart requests carry their JSON as a string in the `data` field. */
function bodyOf(ctx: Context): unknown {
  const body = (ctx.request as unknown as { body?: unknown }).body ?? {};
  if (!ctx.is('multipart') || typeof (body as { data?: unknown }).data !== 'string') return body;
  try {
    return JSON.parse((body as { data: string }).data);
  } catch {
    throw ValidationFailed.field('data', 'must be a JSON string');
  }
}

export function mountRoutes(router: Router, routes: RouteDef[], tokens: AccessTokens, rateLimits?: RateLimitGuard): void {
  for (const route of routes) {
    const handle = async (ctx: Context): Promise<void> => {
      const actor = authorize(ctx, route.access, tokens);
      const req = route.request ?? {};
      const input = {
        actor,
        params: req.params ? validate(req.params, ctx.params, 'params') : ctx.params,
        query: req.query ? validate(req.query, { ...ctx.query }, 'query') : {},
        body: req.body ? validate(req.body, bodyOf(ctx), 'body') : {},
        files: req.files ? uploadedFiles(ctx, req.files.field) : [],
      };
      if (req.files && input.files.length > req.files.max) {
        throw ValidationFailed.field(req.files.field, `at most ${req.files.max} file(s) per request`);
      }
      if (route.rateLimit?.length && rateLimits) await rateLimits(route.rateLimit, input, ctx);
      const reply = await route.handler(input, ctx);
      if (!reply) return;
      const status = reply.status ?? route.response?.status ?? 200;
      ctx.status = status;
      ctx.body = successBody(status, reply);
    };
    for (const method of asList(route.method)) {
      for (const path of asList(route.path)) router[method](`${API_PREFIX}${path}`, handle);
    }
  }
}
