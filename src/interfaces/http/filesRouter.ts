import Router from '@koa/router';
import { Forbidden, NotFound } from '../../domain/shared/errors';
import { Runtime } from '../../infrastructure/container/buildContainer';
import { LOCAL_FILES_PATH, LocalObjectStorage } from '../../infrastructure/storage/LocalObjectStorage';

/**
 * Serves the embedded object store's signed download URLs (`/files/<key>?expires=..&signature=..`).
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
    const maxAge = Math.max(0, Number(expires) - Math.floor(Date.now() / 1000));
    ctx.set('Cache-Control', `private, max-age=${maxAge}`);
    ctx.set('Content-Disposition', 'inline');
    ctx.type = found.contentType;
    ctx.length = found.size;
    ctx.body = found.body;
  });
  return router;
}
