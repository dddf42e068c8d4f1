import Router from '@koa/router';
import type { Context } from 'koa';
import { ValidationFailed } from '../../domain/shared/errors';
import type { Authenticator } from './authenticate';
import { ACCESS_COOKIE, REFRESH_COOKIE } from './cookies';
import { assertTrustedOrigin, isUnsafe } from './csrf';
import { successBody } from './envelope';
import type { RateLimitGuard } from './rateLimit';
import type { BodyParser } from './requestBody';
import type { RouteDef, RouteInput } from './route';
import { asList } from './route';
import { uploadedFiles } from './uploads';
import { validate } from './validate';

export const API_PREFIX = '/api/v1';

/** What every route passes through before its handler, in this order. */
export interface RouteGuards {
  authenticate: Authenticator;
  /** Origins trusted to send cookie-authenticated unsafe requests. */
  trustedOrigins: Set<string>;
  parseBody: BodyParser;
  rateLimits?: RateLimitGuard;
}

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

const carriesSessionCookie = (ctx: Context) => Boolean(ctx.cookies.get(ACCESS_COOKIE) || ctx.cookies.get(REFRESH_COOKIE));

/**
 * Each route: who is calling (token, then session standing) → where from, when a cookie vouches for
 * an unsafe request → the body, parsed only now and only as the route takes it → validation →
 * rate limits → handler. Nothing is read from a body before the caller is known to be allowed.
 */
export function mountRoutes(router: Router, routes: RouteDef[], guards: RouteGuards): void {
  for (const route of routes) {
    const handle = async (ctx: Context): Promise<void> => {
      const { actor, byCookie } = await guards.authenticate(ctx, route.access);
      if (isUnsafe(ctx.method) && (byCookie || (route.readsSessionCookies && carriesSessionCookie(ctx)))) assertTrustedOrigin(ctx, guards.trustedOrigins);
      await guards.parseBody(ctx, route);
      const req = route.request ?? {};
      const input: RouteInput = {
        actor,
        params: req.params ? validate(req.params, ctx.params, 'params') : ctx.params,
        query: req.query ? validate(req.query, { ...ctx.query }, 'query') : {},
        body: req.body ? validate(req.body, bodyOf(ctx), 'body') : {},
        files: req.files ? uploadedFiles(ctx, req.files.field) : [],
      };
      if (route.rateLimit?.length && guards.rateLimits) await guards.rateLimits(route.rateLimit, input, ctx);
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

/** A path's first segment (`/tour/:slug` → `tour`), which every route spells out. */
function firstSegment(path: string): string {
  const segment = path.split('/')[1] ?? '';
  if (!segment || segment.startsWith(':') || /[*?(]/.test(segment)) throw new Error(`route ${path} must start with a literal segment`);
  return segment;
}

type RouterMiddleware = ReturnType<Router['routes']>;

/** Routes that live outside /api/v1 (operations): API requests skip matching them. */
export function outsideApi(router: Router): RouterMiddleware {
  const routes = routesAndAllowedMethods(router);
  return (ctx, next) => (ctx.path.startsWith(`${API_PREFIX}/`) ? next() : routes(ctx, next));
}

/** A router's routes, then its 405/501 answers with `Allow`, as one middleware. */
function routesAndAllowedMethods(router: Router): RouterMiddleware {
  const match = router.routes();
  // Both run on the same context; @koa/router types the two middlewares' contexts differently.
  const allowed = router.allowedMethods() as unknown as RouterMiddleware;
  return (ctx, next) => match(ctx, () => allowed(ctx, next));
}

/**
 * The API's routes, one router per first path segment (`/user/...`, `/tour/...`): a request is
 * matched against its segment's dozen routes instead of all hundred (the router tests each in turn).
 * Each segment router answers 405 with `Allow` for its own paths, as one router would.
 */
export function apiRouter(routes: RouteDef[], guards: RouteGuards): RouterMiddleware {
  const routers = new Map<string, Router>();
  for (const route of routes) {
    for (const path of asList(route.path)) {
      const segment = firstSegment(path);
      if (!routers.has(segment)) routers.set(segment, new Router());
      mountRoutes(routers.get(segment)!, [{ ...route, path }], guards);
    }
  }
  const bySegment = new Map<string, RouterMiddleware>();
  for (const [segment, router] of routers) bySegment.set(segment, routesAndAllowedMethods(router));
  const prefix = `${API_PREFIX}/`;
  return (ctx, next) => {
    if (!ctx.path.startsWith(prefix)) return next();
    const end = ctx.path.indexOf('/', prefix.length);
    const handle = bySegment.get(ctx.path.slice(prefix.length, end === -1 ? undefined : end));
    return handle ? handle(ctx, next) : next();
  };
}
