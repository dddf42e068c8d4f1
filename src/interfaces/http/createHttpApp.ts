import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import cors from '@koa/cors';
import Koa from 'koa';
import type { Ports } from '../../application/ports/Ports';
import type { UseCases } from '../../application/UseCases';
import type { ClassifyFailure, RequestScope } from '../edges';
import { authenticator } from './authenticate';
import { catalogueCache } from './catalogueCache';
import { trustedOrigins } from './csrf';
import type { SignedFileLinks } from './filesRouter';
import { filesRouter } from './filesRouter';
import { httpMetrics } from './httpMetrics';
import { answerLiveness } from './liveness';
import type { HttpSettings } from './HttpSettings';
import { knownAnswers } from './knownAnswers';
import { errorEnvelope, requestLogging } from './middleware';
import { apiRouter, outsideApi } from './mountRoutes';
import type { OpenApiDocument } from './openapi';
import { buildOpenApi } from './openapi';
import { operationsRouter } from './operations';
import { rateLimitGuard } from './rateLimit';
import { securityHeaders } from './securityHeaders';
import { bodyParser } from './requestBody';
import type { RouteDef } from './route';
import type { RouteDependencies } from './routes';
import { routeModules } from './routes';

/** What the HTTP adapter is handed by the entry point: the use cases and ports it calls, its settings, and the process's edges. */
export interface HttpAppDependencies {
  useCases: RouteDependencies['useCases'] & Pick<UseCases, 'checkSession'>;
  ports: RouteDependencies['ports'] & Pick<Ports, 'accessTokens' | 'rateLimiter' | 'logger' | 'metrics' | 'healthChecks' | 'catalogueVersion' | 'usersVersion' | 'clock'>;
  settings: HttpSettings;
  /** The embedded object store's signed links, served under `/files`; null when S3 serves its own. */
  localFiles: SignedFileLinks | null;
  classifyFailure: ClassifyFailure;
  inRequestScope: RequestScope;
}

export interface HttpApp {
  app: Koa;
  /** What the server calls per request: liveness, stored catalogue answers and known signed-in answers ahead of Koa, the rest through it. */
  handle: RequestListener;
  routes: RouteDef[];
  openApi(): OpenApiDocument;
}

export function createHttpApp(dependencies: HttpAppDependencies): HttpApp {
  const { useCases, ports, settings } = dependencies;
  // With N trusted proxies, ctx.ip is the N-th X-Forwarded-For entry from the right: the hop the nearest proxy saw.
  const app = new Koa({ proxy: settings.trustProxy > 0, maxIpsCount: settings.trustProxy });
  const routes = routeModules.flatMap((module) => module(dependencies));
  let document: OpenApiDocument | null = null;
  const openApi = () => (document ??= buildOpenApi(routes, { title: 'TourDesk', version: '1.0.0', serverUrl: settings.publicUrl }));

  const api = apiRouter(routes, {
    authenticate: authenticator(ports.accessTokens, useCases.checkSession),
    trustedOrigins: trustedOrigins(settings),
    parseBody: bodyParser(settings),
    rateLimits: rateLimitGuard(ports.rateLimiter, ports.logger),
  });
  const ops = operationsRouter(dependencies, openApi);

  app.use(requestLogging(ports.logger, dependencies.inRequestScope));
  app.use(httpMetrics(ports.metrics));
  app.use(errorEnvelope(settings, ports.logger, dependencies.classifyFailure));
  app.use(securityHeaders({ contentSecurityPolicy: { directives: { 'script-src': ["'self'"], 'img-src': ["'self'", 'data:', 'https:'] } } }));
  app.use(cors({ origin: settings.frontendUrl, credentials: true, exposeHeaders: ['X-Request-Id', 'Retry-After', 'Content-Disposition'] }));
  // No body parser here: each API route parses its own body once its caller is known (mountRoutes).
  // The embedded store's `/files` share the operations router: one match per request for both.
  if (dependencies.localFiles) filesRouter(dependencies.localFiles, ops);
  app.use(outsideApi(ops));
  const catalogue = catalogueCache(ports);
  app.use(catalogue.middleware);
  const known = knownAnswers(routes, { ...ports, checkSession: useCases.checkSession });
  app.use(known.middleware);
  app.use(api);
  return { app, handle: aheadOfKoa(app, [answerLiveness, catalogue.answerAhead, known.answerAhead]), routes, openApi };
}

/** Answers a request without Koa and says true, or leaves it untouched and says false. */
export type Shortcut = (request: IncomingMessage, response: ServerResponse) => boolean;

/**
 * The hottest reads skip Koa once they can: liveness probes always, catalogue answers already
 * rendered, and signed-in answers known from memory (both once sent through the chain to the same
 * origin). Anything no shortcut answers, or one fails at, goes through Koa and the whole chain.
 */
export function aheadOfKoa(app: Koa, shortcuts: Shortcut[]): RequestListener {
  const koa = app.callback();
  return (request, response) => {
    try {
      for (const answered of shortcuts) if (answered(request, response)) return;
    } catch {
      // A shortcut that failed half-way must not crash the process or write a second answer.
      if (response.headersSent) return void response.destroy();
    }
    void koa(request, response);
  };
}
