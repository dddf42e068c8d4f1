import { createHash } from 'node:crypto';
import type { Context, Next } from 'koa';
import type { CatalogueVersion } from '../../application/ports/CatalogueVersion';
import type { Clock } from '../../application/ports/Clock';
import { ACCESS_COOKIE } from './cookies';
import { matchedRoute } from './httpMetrics';

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
function matchesIfNoneMatch(header: string, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

interface Rendered {
  version: string;
  body: string;
  etag: string;
  route: string;
  renderedAt: number;
}

export interface CatalogueCacheDependencies {
  catalogueVersion: CatalogueVersion;
  clock: Clock;
}

/**
 * Anonymous catalogue GETs answered from rendered JSON kept per URL under the catalogue version it
 * was rendered at: any committed catalogue or seat change moves the version, and older entries are
 * never served again. Adds a strong `ETag` (304 on `If-None-Match`) and CDN-friendly `Cache-Control`;
 * requests carrying credentials bypass it and are marked `private, no-store`.
 */
export function catalogueCache({ catalogueVersion, clock }: CatalogueCacheDependencies) {
  const entries = new Map<string, Rendered>();
  let seenVersion = '';

  return async (ctx: Context, next: Next): Promise<void> => {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || !CATALOGUE_PATH.test(ctx.path)) return next();
    if (ctx.get('authorization') || ctx.cookies.get(ACCESS_COOKIE)) {
      await next();
      ctx.set('Cache-Control', PRIVATE_CACHE_CONTROL);
      return;
    }
    // Read before rendering: an answer is stored under a version no newer than its data.
    const version = await catalogueVersion.current();
    if (version !== seenVersion) {
      entries.clear();
      seenVersion = version;
    }
    const now = clock.now().getTime();
    let entry = entries.get(ctx.url);
    if (!entry || now - entry.renderedAt >= ENTRY_MS) {
      entries.delete(ctx.url);
      await next();
      if (ctx.status !== 200 || ctx.body === null || typeof ctx.body !== 'object' || Buffer.isBuffer(ctx.body)) return;
      const body = JSON.stringify(ctx.body);
      entry = { version, body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`, route: matchedRoute(ctx), renderedAt: now };
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      if (seenVersion === version) entries.set(ctx.url, entry);
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
    }
  };
}
