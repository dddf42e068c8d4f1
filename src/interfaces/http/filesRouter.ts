import type { Readable } from 'node:stream';
import Router from '@koa/router';
import type { ObjectStream } from '../../application/ports/ObjectStorage';
import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { Forbidden, NotFound } from '../../domain/shared/errors';

/** The embedded object store as this router serves it: signed links under `urlPath`, checked before a byte is read. */
export interface SignedFileLinks {
  readonly urlPath: string;
  verify(key: string, expires: string, signature: string): boolean;
  stream(key: string): Promise<ObjectStream | null>;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * Serves the embedded object store's signed download URLs (`/files/<key>?expires=..&signature=..`),
 * cacheable and displayable by pages on other origins, answering 304 to a matching `If-None-Match`.
 * Only mounted when the local store is the adapter; S3 serves its own presigned URLs.
 */
export function filesRouter(files: SignedFileLinks, router = new Router()): Router {
  router.get(`${files.urlPath}/*key`, async (ctx) => {
    const key = text(ctx.params.key);
    const expires = text(ctx.query.expires);
    // The key is checked (no `..`, no odd characters) inside verify, before any file is touched.
    if (!files.verify(key, expires, text(ctx.query.signature))) {
      throw new Forbidden('This link is invalid or has expired', ERROR_CODES.STORAGE.LINK_INVALID);
    }
    const found = await files.stream(key);
    if (!found) throw NotFound.of('File', ERROR_CODES.FILE.NOT_FOUND);
    // Pages on FRONTEND_URL (another origin) display these: helmet's `same-origin` would block them.
    ctx.set('Cross-Origin-Resource-Policy', 'cross-origin');
    // A signed URL stays the same for a while (ImageUrls), so browsers keep the bytes until it expires.
    const maxAge = Math.max(0, Number(expires) - Math.floor(Date.now() / 1000));
    ctx.set('Cache-Control', `private, max-age=${maxAge}`);
    ctx.set('ETag', found.etag);
    ctx.status = 200;
    if (ctx.fresh) {
      (found.body as Readable).destroy();
      ctx.status = 304;
      return;
    }
    ctx.set('Content-Disposition', 'inline');
    ctx.type = found.contentType;
    ctx.length = found.size;
    ctx.body = found.body;
  });
  return router;
}
