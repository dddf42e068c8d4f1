import { Readable } from 'node:stream';
import Router from '@koa/router';
import { Forbidden, NotFound } from '../../domain/shared/errors';
import { Runtime } from '../../infrastructure/container/buildContainer';
import { LOCAL_FILES_PATH, LocalObjectStorage } from '../../infrastructure/storage/LocalObjectStorage';

/**
 * Serves the embedded object store's signed download URLs (`/files/<key>?expires=..&signature=..`),
 * cacheable and displayable by pages on other origins, answering 304 to a matching `If-None-Match`.
 * Only present when the local store is the adapter; S3 serves its own presigned URLs.
 */
export function filesRouter({ container }: Runtime): Router | null {
  if (!container.isBound(LocalObjectStorage)) return null;
  const storage = container.get(LocalObjectStorage);
  const router = new Router();
  router.get(`${LOCAL_FILES_PATH}/*key`, async (ctx) => {
    const key = String(ctx.params.key ?? '');
    const expires = String(ctx.query.expires ?? '');
    // The key is checked (no `..`, no odd characters) inside verify, before any file is touched.
    if (!storage.verify(key, expires, String(ctx.query.signature ?? ''))) {
      throw new Forbidden('This link is invalid or has expired', 'STORAGE.LINK_INVALID');
    }
    const found = await storage.stream(key);
    if (!found) throw NotFound.of('File');
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
