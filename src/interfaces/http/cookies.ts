import type { Context } from 'koa';
import type { CookieSettings } from './HttpSettings';

export const ACCESS_COOKIE = 'accessToken';
export const REFRESH_COOKIE = 'refreshToken';

/**
 * A cookie's value from a `Cookie` header, by the rule Koa's `ctx.cookies.get` follows (the `cookies`
 * package, unsigned): the first `name=` at the start or after a `;`, up to the next `;`, without
 * surrounding quotes. Taken from the raw header so answers served ahead of Koa read it the same way.
 */
export function cookieNamed(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  const value = cookiePattern(name).exec(header)?.[1];
  return value?.startsWith('"') ? value.slice(1, -1) : value;
}

const patterns = new Map<string, RegExp>();
const cookiePattern = (name: string): RegExp => {
  let pattern = patterns.get(name);
  if (!pattern) patterns.set(name, (pattern = new RegExp(`(?:^|;) *${name.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, '\\$&')}=([^;]*)`)));
  return pattern;
};

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/**
 * SameSite=None (which requires Secure) when the front end is another site and browsers take a
 * Secure cookie from PUBLIC_URL: in production, over https, or from a loopback host (a secure
 * context even over http, so `localhost` and `127.0.0.1` can be tried as two sites). Otherwise Lax.
 * Logout clears with the same attributes so browsers match them.
 */
export function cookieOptions(config: CookieSettings): { httpOnly: true; secure: boolean; sameSite: 'none' | 'lax'; path: string } {
  const api = new URL(config.publicUrl);
  const crossSite = new URL(config.frontendUrl).hostname !== api.hostname;
  const production = config.env === 'production';
  const secureContext = production || api.protocol === 'https:' || LOOPBACK.test(api.hostname);
  const none = crossSite && secureContext;
  return { httpOnly: true, secure: production || none, sameSite: none ? 'none' : 'lax', path: '/' };
}

export function setSessionCookies(ctx: Context, config: CookieSettings, tokens: { accessToken: string; refreshToken: string; accessExpiresAt: Date; refreshExpiresAt: Date }): void {
  const options = cookieOptions(config);
  if (options.secure) ctx.cookies.secure = true;
  // The access cookie lives as long as the session, not as its JWT: a browser must keep sending the
  // expired token so the answer is "jwt expired" (what front ends refresh on), not "not logged in".
  ctx.cookies.set(ACCESS_COOKIE, tokens.accessToken, { ...options, expires: tokens.refreshExpiresAt });
  ctx.cookies.set(REFRESH_COOKIE, tokens.refreshToken, { ...options, expires: tokens.refreshExpiresAt });
}

export function clearSessionCookies(ctx: Context, config: CookieSettings): void {
  const options = cookieOptions(config);
  if (options.secure) ctx.cookies.secure = true;
  ctx.cookies.set(ACCESS_COOKIE, '', { ...options, expires: new Date(0) });
  ctx.cookies.set(REFRESH_COOKIE, '', { ...options, expires: new Date(0) });
}
