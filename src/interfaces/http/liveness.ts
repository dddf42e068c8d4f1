import type { IncomingMessage, ServerResponse } from 'node:http';

export const LIVENESS_PATH = '/health';

/** The path of a request target, without its query string. */
export function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/**
 * `GET /health`, answered ahead of Koa and every middleware: balancers probe it every few seconds
 * on every process, and it says only that this process serves. No request id, log line, metric,
 * CORS or helmet headers (docs/adr/0015 has the cost of each); `/ready` goes through the whole
 * chain. Other methods on the path go on to Koa, which answers them 404.
 */
export function answerLiveness(request: IncomingMessage, response: ServerResponse): boolean {
  if ((request.method !== 'GET' && request.method !== 'HEAD') || pathOf(request.url ?? '') !== LIVENESS_PATH) return false;
  const body = JSON.stringify({ success: true, statusCode: 200, message: 'OK', data: { status: 'ok', uptimeSeconds: Math.round(process.uptime()) } });
  response.writeHead(200, {
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  response.end(request.method === 'HEAD' ? undefined : body);
  return true;
}
