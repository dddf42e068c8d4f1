import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context, Next } from 'koa';
import type { Clock } from '../../application/ports/Clock';
import type { DataVersion } from '../../application/ports/DataVersion';
import type { Logger } from '../../application/ports/Logger';
import type { Metrics } from '../../application/ports/Metrics';
import { ChainHeaders } from './chainHeaders';
import { ACCESS_COOKIE } from './cookies';
import { matchedRoute } from './httpMetrics';
import { pathOf } from './liveness';
import { requestIdFrom, servedAhead } from './middleware';
import { VersionedEntries } from './versionedEntries';

/** Public catalogue reads: tour lists and details, tour types, divisions (`/tour` and its `/tours` alias). */
const CATALOGUE_PATH = /^\/api\/v1\/(tours?|division)(\/|$)/;
const MAX_ENTRIES = 500;
/**
 * An answer is reused at most this long even when nothing changed: seats a lapsed hold frees come
 * back without a write until the sweep expires it, and image URLs are signed per time window.
 */
const ENTRY_MS = 60_000;
/** What a CDN or browser may do with an anonymous catalogue answer (docs/API.md "Caching"). */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=5, stale-while-revalidate=30';
export const PRIVATE_CACHE_CONTROL = 'private, no-store';

/**
 * RFC 9110 §13.1.2 (weak comparison). Not Koa's `ctx.fresh`: that treats a request's
 * `Cache-Control: no-cache` (which fetch adds to every conditional request) as "send it all",
 * a rule for caches, while an origin answers the condition.
 */
function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** Ahead of Koa, any hint of a token (header, or a cookie header naming it) leaves the answer to the chain, which looks closer. */
function mayPresentCredentials(request: IncomingMessage): boolean {
  return Boolean(request.headers.authorization) || Boolean(request.headers.cookie?.includes(ACCESS_COOKIE));
}

interface Rendered {
  body: Buffer;
  etag: string;
  route: string;
  /** Every header the whole chain sent with this answer (but its own), per request `Origin`. */
  chainHeaders: ChainHeaders;
}

export interface CatalogueCacheDependencies {
  catalogueVersion: DataVersion;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
}

export interface CatalogueCache {
  /** The Koa middleware: renders through the API router on a miss, answers from the store on a hit. */
  middleware(ctx: Context, next: Next): Promise<void>;
  /**
   * Answers a stored anonymous catalogue GET ahead of Koa, with the very headers the chain sent for
   * it to the same `Origin`, and logs and counts it as the chain would. False when the chain must
   * answer: not a catalogue read, credentials presented, nothing stored for this URL, version and
   * origin yet, or the version not known without a read (the chain reads it, once, for everyone).
   */
  answerAhead(request: IncomingMessage, response: ServerResponse): boolean;
}

/**
 * Anonymous catalogue GETs answered from rendered JSON kept per URL under the catalogue version it
 * was rendered at: any committed catalogue or seat change moves the version, and older entries are
 * never served again. Adds a strong `ETag` (304 on `If-None-Match`) and CDN-friendly `Cache-Control`;
 * requests carrying credentials bypass it and are marked `private, no-store`.
 *
 * The first answer for a URL (per version and origin) goes through the whole middleware chain,
 * which stores the answer and the headers the chain gave it; later ones are replayed ahead of Koa
 * (docs/adr/0015, "answered ahead of Koa"), so CORS and security headers keep one owner, the chain.
 */
export function catalogueCache({ catalogueVersion, clock, logger, metrics }: CatalogueCacheDependencies): CatalogueCache {
  const rendered = new VersionedEntries<Rendered>(catalogueVersion, clock, { entryMs: ENTRY_MS, maxEntries: MAX_ENTRIES });

  const middleware = async (ctx: Context, next: Next): Promise<void> => {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || !CATALOGUE_PATH.test(ctx.path)) return next();
    if (ctx.get('authorization') || ctx.cookies.get(ACCESS_COOKIE)) {
      await next();
      ctx.set('Cache-Control', PRIVATE_CACHE_CONTROL);
      return;
    }
    const entries = await rendered.open();
    let entry = entries.get(ctx.url);
    if (!entry) {
      await next();
      if (ctx.status !== 200 || ctx.body === null || typeof ctx.body !== 'object' || Buffer.isBuffer(ctx.body)) return;
      const body = Buffer.from(JSON.stringify(ctx.body));
      entry = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`, route: matchedRoute(ctx), chainHeaders: new ChainHeaders() };
      entries.set(ctx.url, entry);
    } else {
      // Metrics and request logs name the route the stored answer came from.
      (ctx as unknown as { _matchedRoute: string })._matchedRoute = entry.route;
    }
    ctx.status = 200;
    ctx.type = 'application/json';
    ctx.body = entry.body;
    ctx.set('ETag', entry.etag);
    ctx.set('Cache-Control', PUBLIC_CACHE_CONTROL);
    if (matchesIfNoneMatch(ctx.get('if-none-match'), entry.etag)) {
      ctx.status = 304;
      ctx.body = null;
    } else {
      entry.chainHeaders.learn(ctx.get('origin'), ctx.res);
    }
  };

  const answerAhead = (request: IncomingMessage, response: ServerResponse): boolean => {
    const started = process.hrtime.bigint();
    const { method, url = '' } = request;
    if ((method !== 'GET' && method !== 'HEAD') || !CATALOGUE_PATH.test(pathOf(url))) return false;
    if (mayPresentCredentials(request)) return false;
    const entry = rendered.peek()?.get(url);
    const chainHeaders = entry?.chainHeaders.from(request.headers.origin ?? '');
    if (!entry || !chainHeaders) return false;
    const requestId = requestIdFrom(request.headers['x-request-id']);
    const notModified = matchesIfNoneMatch(request.headers['if-none-match'], entry.etag);
    const status = notModified ? 304 : 200;
    response.writeHead(status, notModified
      ? { 'X-Request-Id': requestId, ...chainHeaders.notModified, ETag: entry.etag }
      : { 'X-Request-Id': requestId, ...chainHeaders.ok, ETag: entry.etag, 'Content-Length': entry.body.length });
    response.end(notModified || method === 'HEAD' ? undefined : entry.body);
    servedAhead(logger, metrics, { method, url: pathOf(url), route: entry.route, status, requestId }, started);
    return true;
  };

  return { middleware, answerAhead };
}
