import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** Headers that belong to one response, not to the answer: never replayed. */
const OWN_HEADERS = new Set(['x-request-id', 'etag', 'content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding']);
/** Origins whose chain headers are kept per answer; callers from further origins go through the chain. */
const MAX_ORIGINS = 8;

/** What the chain sent with a 200, and the same for a 304 (which carries no body and so no type). */
export interface LearnedHeaders {
  ok: OutgoingHttpHeaders;
  notModified: OutgoingHttpHeaders;
}

/**
 * The headers the whole middleware chain (CORS, security, Vary, type, caching) gave one answer, kept
 * per request `Origin` (none counts as one) so that later callers from the same origin can be
 * answered ahead of Koa with exactly those headers; CORS and helmet keep one owner, the chain
 * (docs/adr/0015). Never kept: an answer that set a cookie, or one whose `Vary` says it depends on
 * more of the request than its `Origin`, the one request header replays are kept apart by.
 */
export class ChainHeaders {
  private readonly byOrigin = new Map<string, LearnedHeaders>();

  /** What the chain sent to callers from this origin; undefined until it has answered one. */
  from(origin: string): LearnedHeaders | undefined {
    return this.byOrigin.get(origin);
  }

  /** Once a 200 has gone out through the chain to a caller from `origin`, keeps its headers. */
  learn(origin: string, response: ServerResponse): void {
    if (this.byOrigin.has(origin) || this.byOrigin.size >= MAX_ORIGINS) return;
    response.once('finish', () => {
      if (response.statusCode !== 200 || response.hasHeader('set-cookie') || !variesAtMostByOrigin(response)) return;
      const ok: OutgoingHttpHeaders = {};
      for (const name of rawHeaderNames(response)) if (!OWN_HEADERS.has(name.toLowerCase())) ok[name] = response.getHeader(name);
      const notModified = Object.fromEntries(Object.entries(ok).filter(([name]) => name.toLowerCase() !== 'content-type'));
      if (this.byOrigin.size < MAX_ORIGINS) this.byOrigin.set(origin, { ok, notModified });
    });
  }
}

function variesAtMostByOrigin(response: ServerResponse): boolean {
  const vary = response.getHeader('vary');
  const names = (Array.isArray(vary) ? vary.join(',') : String(vary ?? '')).split(',').map((name) => name.trim().toLowerCase());
  return names.every((name) => name === '' || name === 'origin');
}

/** Header names as the chain spelled them. Node has had this since 15.13; @types/node declares it on ClientRequest only. */
const rawHeaderNames = (response: ServerResponse): string[] => (response as ServerResponse & { getRawHeaderNames(): string[] }).getRawHeaderNames();
