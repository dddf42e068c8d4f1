import type { Context, Next } from 'koa';

export const LIVENESS_PATH = '/health';
/** Nothing in a liveness answer is worth caching, sniffing or framing. */
const LIVENESS_HEADERS = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

/**
 * `GET /health`, answered ahead of every other middleware: balancers probe it every few seconds on
 * every process, and it says only that this process serves. No request id, log line, metric, CORS
 * or helmet headers (docs/adr/0015 has the cost of each); `/ready` goes through the whole chain.
 */
export function liveness() {
  return (ctx: Context, next: Next): Promise<void> | void => {
    if (ctx.path !== LIVENESS_PATH || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next();
    ctx.set(LIVENESS_HEADERS);
    ctx.body = { success: true, statusCode: 200, message: 'OK', data: { status: 'ok', uptimeSeconds: Math.round(process.uptime()) } };
  };
}
