import Joi from 'joi';
import type { Context } from 'koa';
import type { Ports } from '../../../application/ports/Ports';
import type { UseCases } from '../../../application/UseCases';
import { ERROR_CODES } from '../../../domain/shared/errorCatalogue';
import { DomainError, Unauthenticated } from '../../../domain/shared/errors';
import { cookieOptions, setSessionCookies } from '../cookies';
import { openSignIn, safeReturnPath, sameSecret, sealSignIn, signInCookieKey } from '../googleSignInCookie';
import type { CookieSettings, HttpSettings } from '../HttpSettings';
import { API_PREFIX } from '../mountRoutes';
import type { RouteDef } from '../route';
import { route } from '../route';
import { object } from '../schema';

export const GOOGLE_SIGN_IN_COOKIE = 'googleSignIn';
const SIGN_IN_TTL_MS = 10 * 60_000;
const text = Joi.string().allow('').max(4096);

/**
 * Google sign-in for browsers: both routes are top-level navigations, so every outcome is a
 * redirect to the front end: the `redirect` path with the session cookies set, or
 * `FRONTEND_URL/login?error=google&code=<error code>`. Not mounted (404) without GOOGLE_CLIENT_ID/SECRET.
 */
export interface GoogleAuthRoutesDependencies {
  useCases: Pick<UseCases, 'googleSignIn'>;
  ports: Pick<Ports, 'clock' | 'logger'>;
  settings: CookieSettings & Pick<HttpSettings, 'rateLimits' | 'secrets'>;
}

export function googleAuthRoutes({ useCases, ports, settings: config }: GoogleAuthRoutesDependencies): RouteDef[] {
  if (!useCases.googleSignIn) return [];
  const { start, finish: signIn } = useCases.googleSignIn;
  const { clock, logger } = ports;
  const key = signInCookieKey(config.secrets.jwtRefresh);
  const redirectUri = `${config.publicUrl}${API_PREFIX}/auth/google/callback`;
  const tag = 'Auth';
  // Lax, whatever the session cookies use: the callback is a top-level GET from the provider's site.
  const cookie = { ...cookieOptions(config), sameSite: 'lax' as const, path: `${API_PREFIX}/auth/google` };

  const setSignInCookie = (ctx: Context, value: string, expires: Date) => {
    if (cookie.secure) ctx.cookies.secure = true;
    ctx.cookies.set(GOOGLE_SIGN_IN_COOKIE, value, { ...cookie, expires });
  };
  const toLogin = (ctx: Context, error: DomainError) => {
    logger.warn({ code: error.code, reason: error.message }, 'Google sign-in refused');
    ctx.redirect(`${config.frontendUrl}/login?error=google&code=${encodeURIComponent(error.code)}`);
  };

  return [
    route({
      method: 'get', path: '/auth/google', tag, access: 'public',
      summary: 'Start Google sign-in: redirects to Google; `redirect` is a front-end path to land on afterwards',
      request: { query: object({ redirect: text }) },
      response: { status: 302, description: 'Redirect to Google (or to FRONTEND_URL/login?error=google&code=… when Google is unreachable)' },
      async handler({ query }, ctx) {
        try {
          const { authorizationUrl, pending } = await start.execute({ redirectUri });
          const expiresAt = new Date(clock.now().getTime() + SIGN_IN_TTL_MS);
          setSignInCookie(ctx, await sealSignIn({ ...pending, returnTo: safeReturnPath(query.redirect, config.frontendUrl) }, key, expiresAt), expiresAt);
          ctx.redirect(authorizationUrl);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          toLogin(ctx, error);
        }
      },
    }),
    route({
      method: 'get', path: '/auth/google/callback', tag, access: 'public',
      summary: 'Where Google sends the browser back: signs in, sets the session cookies and redirects to the front end',
      // Providers add parameters of their own (scope, authuser, prompt, iss...).
      request: { query: object({ code: text, state: text, error: text }, (o) => o.unknown(true)) },
      rateLimit: [{ bucket: 'google-sign-in', limit: config.rateLimits.loginPerMinute, windowMs: 60_000, whenUnavailable: 'allow' }],
      response: { status: 302, description: 'Redirect to FRONTEND_URL + redirect with the session cookies, or to FRONTEND_URL/login?error=google&code=…' },
      async handler({ query }, ctx) {
        const pending = await openSignIn(ctx.cookies.get(GOOGLE_SIGN_IN_COOKIE), key, clock.now());
        setSignInCookie(ctx, '', new Date(0));
        try {
          if (!pending || !query.state || !sameSecret(query.state, pending.state)) {
            throw new Unauthenticated('The sign-in request is unknown or expired; start again', ERROR_CODES.AUTH.GOOGLE_STATE_INVALID);
          }
          if (query.error || !query.code) throw new Unauthenticated(`Google did not sign the user in (${String(query.error || 'no code').slice(0, 64)})`, ERROR_CODES.AUTH.GOOGLE_DENIED);
          const session = await signIn.execute({ code: query.code, codeVerifier: pending.codeVerifier, nonce: pending.nonce, redirectUri });
          setSessionCookies(ctx, config, session);
          ctx.redirect(`${config.frontendUrl}${pending.returnTo}`);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          toLogin(ctx, error);
        }
      },
    }),
  ];
}
