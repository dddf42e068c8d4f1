import { createHash } from 'node:crypto';
import type { Context, Next } from 'koa';
import type { Clock } from '../../application/ports/Clock';
import type { DataVersion } from '../../application/ports/DataVersion';
import { ACCESS_COOKIE } from './cookies';
import { matchedRoute } from './httpMetrics';
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
function matchesIfNoneMatch(header: string, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

interface Rendered {
  body: string;
  etag: string;
  route: string;
}

export interface CatalogueCacheDependencies {
  catalogueVersion: DataVersion;
  clock: Clock;
}

/**
 * Anonymous catalogue GETs answered from rendered JSON kept per URL under the catalogue version it
 * was rendered at: any committed catalogue or seat change moves the version, and older entries are
 * never served again. Adds a strong `ETag` (304 on `If-None-Match`) and CDN-friendly `Cache-Control`;
 * requests carrying credentials bypass it and are marked `private, no-store`.
 */
export function catalogueCache({ catalogueVersion, clock }: CatalogueCacheDependencies) {
  const rendered = new VersionedEntries<Rendered>(catalogueVersion, clock, { entryMs: ENTRY_MS, maxEntries: MAX_ENTRIES });

  return async (ctx: Context, next: Next): Promise<void> => {
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
      const body = JSON.stringify(ctx.body);
      entry = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`, route: matchedRoute(ctx) };
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
    }
  };
}
