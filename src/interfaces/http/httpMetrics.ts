import type { Context, Next } from 'koa';
import type { Metrics } from '../../application/ports/Metrics';

/** The route pattern the router matched (`/api/v1/user/:id`), or `unmatched`: never the raw URL. */
export function matchedRoute(ctx: Context): string {
  const route = (ctx as unknown as { _matchedRoute?: unknown })._matchedRoute;
  return typeof route === 'string' ? route : 'unmatched';
}

/**
 * Records each request's duration under its matched route pattern, never the raw URL, so ids and
 * probes cannot blow up the label set.
 */
export function httpMetrics(metrics: Metrics) {
  return async (ctx: Context, next: Next): Promise<void> => {
    const started = process.hrtime.bigint();
    try {
      await next();
    } finally {
      metrics.requestServed({ method: ctx.method, route: matchedRoute(ctx), status: ctx.status }, Number(process.hrtime.bigint() - started) / 1e9);
    }
  };
}
