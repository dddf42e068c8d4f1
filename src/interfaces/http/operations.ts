import fs from 'node:fs';
import path from 'node:path';
import { createHash, timingSafeEqual } from 'node:crypto';
import Router from '@koa/router';
import type { Ports } from '../../application/ports/Ports';
import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { Unauthenticated } from '../../domain/shared/errors';
import type { HttpSettings } from './HttpSettings';
import { requestIdOf } from './middleware';

// The empty icon keeps the browser from asking for /favicon.ico, a 404 the API does not serve.
const DOCS_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>TourDesk API</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head><body><div id="ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/init.js"></script></body></html>`;
const DOCS_INIT = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#ui', withCredentials: true });`;
// The folder only: requiring 'swagger-ui-dist' itself would load its 1.5 MB bundle at start-up.
const SWAGGER_UI_DIR = path.dirname(require.resolve('swagger-ui-dist/package.json'));
const ASSETS = new Set(['swagger-ui.css', 'swagger-ui-bundle.js']);

const digest = (value: string) => createHash('sha256').update(value).digest();
const sameSecret = (given: string, expected: string) => timingSafeEqual(digest(given), digest(expected));

/** Readiness (liveness is `liveness.ts`, ahead of everything), Prometheus metrics, the OpenAPI document and its UI: outside /api/v1, for operators. */
export interface OperationsDependencies {
  ports: Pick<Ports, 'healthChecks' | 'metrics' | 'logger'>;
  settings: Pick<HttpSettings, 'metricsToken' | 'env'>;
}

export function operationsRouter({ ports, settings }: OperationsDependencies, openApi: () => Record<string, unknown>): Router {
  const router = new Router();
  const checks = ports.healthChecks;

  router.get('/ready', async (ctx) => {
    const results = await Promise.all(
      checks.map(async (c) => {
        try {
          await Promise.race([c.check(), new Promise((_, reject) => setTimeout(() => reject(new Error('timed out after 2s')), 2000).unref())]);
          return { name: c.name, ok: true as const };
        } catch (error) {
          return { name: c.name, ok: false as const, error: error instanceof Error ? error.message : undefined };
        }
      }),
    );
    const failing = results.filter((r) => !r.ok);
    ctx.status = failing.length ? 503 : 200;
    ctx.body = failing.length
      ? { success: false, statusCode: 503, message: `Not ready: ${failing.map((f) => f.name).join(', ')} unavailable`, errorSources: failing.map((f) => ({ path: f.name, message: f.error })), requestId: requestIdOf(ctx) }
      : { success: true, statusCode: 200, message: 'Ready', data: { checks: results.map((r) => r.name) } };
  });

  const { metrics, logger } = ports;
  const { metricsToken, env } = settings;
  // Metrics name routes, volumes and failures: in production only a scraper holding METRICS_TOKEN reads them.
  if (metricsToken || env !== 'production') {
    router.get('/metrics', async (ctx) => {
      if (metricsToken && !sameSecret(ctx.get('authorization').replace(/^Bearer\s+/i, ''), metricsToken)) {
        ctx.set('WWW-Authenticate', 'Bearer realm="metrics"');
        throw new Unauthenticated('/metrics needs Authorization: Bearer <METRICS_TOKEN>', ERROR_CODES.METRICS.TOKEN_REQUIRED);
      }
      const { contentType, body } = await metrics.exposition();
      ctx.type = contentType;
      ctx.body = body;
    });
  } else {
    logger.warn({}, '/metrics is not served: set METRICS_TOKEN to expose it in production');
  }

  router.get('/openapi.json', (ctx) => {
    ctx.body = openApi();
  });
  router.get('/docs', (ctx) => {
    ctx.type = 'html';
    ctx.body = DOCS_PAGE;
  });
  router.get('/docs/assets/:file', (ctx) => {
    if (ctx.params.file === 'init.js') {
      ctx.type = 'application/javascript';
      ctx.body = DOCS_INIT;
      return;
    }
    if (!ASSETS.has(ctx.params.file)) return;
    ctx.type = path.extname(ctx.params.file);
    ctx.body = fs.createReadStream(path.join(SWAGGER_UI_DIR, ctx.params.file));
  });
  return router;
}
