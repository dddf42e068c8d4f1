import { Context } from 'koa';
import { Config } from '../../infrastructure/config/Config';

export const ACCESS_COOKIE = 'accessToken';
export const REFRESH_COOKIE = 'refreshToken';

/**
 * SameSite=None (which requires Secure) only when the front end is another site in
 * production; otherwise Lax. Logout clears with the same attributes so browsers match them.
 */
export function cookieOptions(config: Config): { httpOnly: true; secure: boolean; sameSite: 'none' | 'lax'; path: string } {
  const crossSite = new URL(config.frontendUrl).hostname !== new URL(config.publicUrl).hostname;
  const production = config.env === 'production';
  return { httpOnly: true, secure: production, sameSite: production && crossSite ? 'none' : 'lax', path: '/' };
}

export function setSessionCookies(ctx: Context, config: Config, tokens: { accessToken: string; refreshToken: string; accessExpiresAt: Date; refreshExpiresAt: Date }): void {
  const options = cookieOptions(config);
  if (options.secure) ctx.cookies.secure = true;
  // The access cookie lives as long as the session, not as its JWT: a browser must keep sending the
  // expired token so the answer is "jwt expired" (what front ends refresh on), not "not logged in".
  ctx.cookies.set(ACCESS_COOKIE, tokens.accessToken, { ...options, expires: tokens.refreshExpiresAt });
  ctx.cookies.set(REFRESH_COOKIE, tokens.refreshToken, { ...options, expires: tokens.refreshExpiresAt });
}

export function clearSessionCookies(ctx: Context, config: Config): void {
  const options = cookieOptions(config);
  if (options.secure) ctx.cookies.secure = true;
  ctx.cookies.set(ACCESS_COOKIE, '', { ...options, expires: new Date(0) });
  ctx.cookies.set(REFRESH_COOKIE, '', { ...options, expires: new Date(0) });
}
