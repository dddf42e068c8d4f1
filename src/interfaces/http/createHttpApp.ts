import Router from '@koa/router';
import cors from '@koa/cors';
import Koa from 'koa';
import helmet from 'koa-helmet';
import { CheckSession } from '../../application/auth/CheckSession';
import { AccessTokens } from '../../application/ports/AccessTokens';
import { RateLimiter } from '../../application/ports/RateLimiter';
import { TOKENS } from '../../application/ports/tokens';
import { Runtime } from '../../infrastructure/container/buildContainer';
import { PrometheusMetrics } from '../../infrastructure/metrics/PrometheusMetrics';
import { httpMetrics } from './httpMetrics';
import { authenticator } from './authenticate';
import { trustedOrigins } from './csrf';
import { filesRouter } from './filesRouter';
import { errorEnvelope, requestLogging } from './middleware';
import { mountRoutes } from './mountRoutes';
import { rateLimitGuard } from './rateLimit';
import { buildOpenApi } from './openapi';
import { operationsRouter } from './operations';
import { bodyParser } from './requestBody';
import { RouteDef } from './route';
import { routeModules } from './routes';

export interface HttpApp {
  app: Koa;
  routes: RouteDef[];
  openApi(): Record<string, any>;
}

export function createHttpApp(runtime: Runtime, extraRouters: Router[] = []): HttpApp {
  const { config, logger } = runtime;
  // With N trusted proxies, ctx.ip is the N-th X-Forwarded-For entry from the right: the hop the nearest proxy saw.
  const app = new Koa({ proxy: config.trustProxy > 0, maxIpsCount: config.trustProxy });
  const routes = routeModules.flatMap((module) => module(runtime));
  let document: Record<string, any> | null = null;
  const openApi = () => (document ??= buildOpenApi(routes, { title: 'TourDesk', version: '1.0.0', serverUrl: config.publicUrl }));

  const api = new Router();
  mountRoutes(api, routes, {
    authenticate: authenticator(runtime.container.get<AccessTokens>(TOKENS.AccessTokens), runtime.container.get(CheckSession)),
    trustedOrigins: trustedOrigins(config),
    parseBody: bodyParser(config),
    rateLimits: rateLimitGuard(runtime.container.get<RateLimiter>(TOKENS.RateLimiter), logger),
  });
  const ops = operationsRouter(runtime, openApi);

  app.use(requestLogging(logger));
  app.use(httpMetrics(runtime.container.get(PrometheusMetrics)));
  app.use(errorEnvelope(config, logger));
  app.use(helmet({ contentSecurityPolicy: { directives: { 'script-src': ["'self'"], 'img-src': ["'self'", 'data:', 'https:'] } } }));
  app.use(cors({ origin: config.frontendUrl, credentials: true, exposeHeaders: ['X-Request-Id', 'Retry-After', 'Content-Disposition'] }));
  // No body parser here: each API route parses its own body once its caller is known (mountRoutes).
  app.use(ops.routes()).use(ops.allowedMethods());
  const files = filesRouter(runtime);
  if (files) app.use(files.routes()).use(files.allowedMethods());
  for (const router of extraRouters) app.use(router.routes()).use(router.allowedMethods());
  app.use(api.routes()).use(api.allowedMethods());
  return { app, routes, openApi };
}
