import { Context, Next } from 'koa';
import { PrometheusMetrics } from '../../infrastructure/metrics/PrometheusMetrics';

/**
 * Records each request's duration under its matched route pattern (`/api/v1/user/:id`),
 * never the raw URL, so ids and probes cannot blow up the label set.
 */
export function httpMetrics(metrics: PrometheusMetrics) {
  return async (ctx: Context, next: Next): Promise<void> => {
    const stop = metrics.httpRequestDuration.startTimer();
    try {
      await next();
    } finally {
      const route = (ctx as unknown as { _matchedRoute?: string })._matchedRoute;
      stop({ method: ctx.method, route: typeof route === 'string' ? route : 'unmatched', status: String(ctx.status) });
    }
  };
}
