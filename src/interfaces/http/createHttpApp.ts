import Router from '@koa/router';
import cors from '@koa/cors';
import Koa from 'koa';
import { koaBody } from 'koa-body';
import helmet from 'koa-helmet';
import { AccessTokens } from '../../application/ports/AccessTokens';
import { RateLimiter } from '../../application/ports/RateLimiter';
import { TOKENS } from '../../application/ports/tokens';
import { Runtime } from '../../infrastructure/container/buildContainer';
import { PrometheusMetrics } from '../../infrastructure/metrics/PrometheusMetrics';
import { httpMetrics } from './httpMetrics';
import { filesRouter } from './filesRouter';
import { errorEnvelope, requestLogging } from './middleware';
import { mountRoutes } from './mountRoutes';
import { rateLimitGuard } from './rateLimit';
import { buildOpenApi } from './openapi';
import { operationsRouter } from './operations';
import { RouteDef } from './route';
import { routeModules } from './routes';
import { stampArrival } from './uploads';

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export interface HttpApp {
  app: Koa;
  routes: RouteDef[];
  openApi(): Record<string, any>;
}

export function createHttpApp(runtime: Runtime, extraRouters: Router[] = []): HttpApp {
  const { config, logger } = runtime;
  const app = new Koa({ proxy: config.env === 'production' });
  const routes = routeModules.flatMap((module) => module(runtime));
  let document: Record<string, any> | null = null;
  const openApi = () => (document ??= buildOpenApi(routes, { title: 'TourDesk', version: '1.0.0', serverUrl: config.publicUrl }));

  const api = new Router();
  mountRoutes(api, routes, runtime.container.get<AccessTokens>(TOKENS.AccessTokens), rateLimitGuard(runtime.container.get<RateLimiter>(TOKENS.RateLimiter), logger));
  const ops = operationsRouter(runtime, openApi);

  app.use(requestLogging(logger));
  app.use(httpMetrics(runtime.container.get(PrometheusMetrics)));
  app.use(errorEnvelope(config, logger));
  app.use(helmet({ contentSecurityPolicy: { directives: { 'script-src': ["'self'"], 'img-src': ["'self'", 'data:', 'https:'] } } }));
  app.use(cors({ origin: config.frontendUrl, credentials: true, exposeHeaders: ['X-Request-Id', 'Retry-After', 'Content-Disposition'] }));
  app.use(
    koaBody({
      multipart: true,
      urlencoded: true,
      jsonLimit: config.bodyLimit,
      formLimit: config.bodyLimit,
      textLimit: config.bodyLimit,
      // formidable 2 counts maxFileSize over ALL files of a request, so this is the request's total
      // (10 images of 5 MB); the 5 MB per file is checked where the files are read, naming the file.
      formidable: { maxFileSize: 10 * MAX_UPLOAD_BYTES, keepExtensions: false, onFileBegin: stampArrival },
    }),
  );
  app.use(ops.routes()).use(ops.allowedMethods());
  const files = filesRouter(runtime);
  if (files) app.use(files.routes()).use(files.allowedMethods());
  for (const router of extraRouters) app.use(router.routes()).use(router.allowedMethods());
  app.use(api.routes()).use(api.allowedMethods());
  return { app, routes, openApi };
}
