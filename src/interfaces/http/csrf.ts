import type { Context } from 'koa';
import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { Forbidden } from '../../domain/shared/errors';
import type { HttpSettings } from './HttpSettings';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isUnsafe(method: string): boolean {
  return UNSAFE.has(method.toUpperCase());
}

/** Origins whose pages may send cookie-authenticated unsafe requests: the front end, this API, CSRF_TRUSTED_ORIGINS. */
export function trustedOrigins(config: Pick<HttpSettings, 'frontendUrl' | 'publicUrl' | 'csrfTrustedOrigins'>): Set<string> {
  return new Set([new URL(config.frontendUrl).origin, new URL(config.publicUrl).origin, ...config.csrfTrustedOrigins]);
}

function refererOrigin(referer: string): string | null {
  try {
    return referer ? new URL(referer).origin : null;
  } catch {
    return null;
  }
}

/**
 * Cookies go with every request a browser makes to us, whichever site's page made it
 * (SameSite=None when the front end is another site), so a cookie-authenticated unsafe request
 * must show where it came from: `Origin`, else `Referer`, from a trusted origin. Missing both is
 * refused too: every browser sends `Origin` on POST; a script without one should send a Bearer token.
 */
export function assertTrustedOrigin(ctx: Context, origins: Set<string>): void {
  const origin = ctx.get('origin');
  const source = origin && origin !== 'null' ? origin : refererOrigin(ctx.get('referer'));
  if (source && origins.has(source)) return;
  throw new Forbidden(
    source
      ? `Cross-site request refused: ${source} may not send cookie-authenticated requests`
      : 'Cross-site request refused: a cookie-authenticated request must carry Origin (or Referer) of the front end, or use a Bearer token',
    ERROR_CODES.AUTH.CROSS_SITE_REQUEST,
  );
}
