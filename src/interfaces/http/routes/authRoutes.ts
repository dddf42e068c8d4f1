import Joi from 'joi';
import type { UseCases } from '../../../application/UseCases';
import { REFRESH_COOKIE, clearSessionCookies, setSessionCookies } from '../cookies';
import type { CookieSettings, HttpSettings } from '../HttpSettings';
import { presentUser } from '../presenters/presentUser';
import type { RateLimitRule, RouteDef } from '../route';
import { route } from '../route';
import { object, required } from '../schema';

const password = Joi.string().max(128);
const tokenPair = Joi.object({ accessToken: Joi.string(), refreshToken: Joi.string() });

export interface AuthRoutesDependencies {
  useCases: Pick<UseCases, 'loginUser' | 'refreshAccessToken' | 'logout' | 'logoutAll' | 'changePassword' | 'setPassword' | 'forgotPassword' | 'resetPassword'>;
  settings: CookieSettings & Pick<HttpSettings, 'rateLimits'>;
}

export function authRoutes({ useCases, settings }: AuthRoutesDependencies): RouteDef[] {
  const { loginUser, refreshAccessToken, logout, logoutAll, changePassword, setPassword, forgotPassword, resetPassword } = useCases;
  const tag = 'Auth';
  /**
   * Attempts per client address; failed ones are also counted per (address, email) and per account
   * inside LoginUser. Logging in must not depend on Redis: while it is down these limits are skipped (and logged).
   */
  const loginLimits: RateLimitRule<unknown>[] = [{ bucket: 'login', limit: settings.rateLimits.loginPerMinute, windowMs: 60_000, whenUnavailable: 'allow' }];
  /**
   * Each of these costs an argon2 hash (or a mail): a client address gets so many an hour. While Redis is
   * down they are skipped (logged): the hashing queue's own bound still keeps a flood from the CPU.
   */
  const hourly = (bucket: string): RateLimitRule<unknown> => ({ bucket, limit: settings.rateLimits.accountPerHour, windowMs: 3_600_000, whenUnavailable: 'allow' });
  /** Per email too, so one inbox is not flooded; unknown emails count alike, so a 429 reveals nothing. */
  const resetMails: RateLimitRule<{ body: { email: string } }> = {
    bucket: 'reset-mail', limit: settings.rateLimits.resetMailsPerHour, windowMs: 3_600_000, by: ({ body }) => body.email.trim().toLowerCase(),
  };

  return [
    route({
      method: 'post', path: '/auth/login', tag, access: 'public', rateLimit: loginLimits,
      summary: 'Log in with email and password; tokens in the body and as httpOnly cookies',
      request: { body: object({ email: required(Joi.string().max(254)), password: required(password) }) },
      response: { data: tokenPair.keys({ user: Joi.object() }) },
      async handler({ body }, ctx) {
        const session = await loginUser.execute({ ...body, address: ctx.ip });
        setSessionCookies(ctx, settings, session);
        return { message: 'User logged in successfully', data: { accessToken: session.accessToken, refreshToken: session.refreshToken, user: presentUser(session.user) } };
      },
    }),
    route({
      method: 'post', path: '/auth/refresh-token', tag, access: 'public', readsSessionCookies: true,
      summary: 'Rotate the refresh token (cookie or body) and get a new access token',
      request: { body: object({ refreshToken: Joi.string().max(200) }) },
      response: { data: tokenPair },
      async handler({ body }, ctx) {
        const tokens = await refreshAccessToken.execute(body.refreshToken ?? ctx.cookies.get(REFRESH_COOKIE) ?? '');
        setSessionCookies(ctx, settings, tokens);
        return { message: 'New access token retrieved successfully', data: { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken } };
      },
    }),
    route({
      method: 'post', path: '/auth/logout', tag, access: 'optional', readsSessionCookies: true,
      summary: 'End the session of the presented refresh and access tokens (their access tokens stop working) and clear the cookies',
      request: { body: object({ refreshToken: Joi.string().max(200) }) },
      async handler({ body, actor }, ctx) {
        const session = actor?.sessionId ? { userId: actor.userId, sessionId: actor.sessionId } : null;
        await logout.execute({ refreshToken: body.refreshToken ?? ctx.cookies.get(REFRESH_COOKIE) ?? null, session });
        clearSessionCookies(ctx, settings);
        return { message: 'User logged out successfully', data: null };
      },
    }),
    route({
      method: 'post', path: '/auth/logout-all', tag, access: 'user',
      summary: 'Revoke every session of the current user',
      async handler({ actor }, ctx) {
        await logoutAll.execute(actor.userId);
        clearSessionCookies(ctx, settings);
        return { message: 'All sessions revoked', data: null };
      },
    }),
    route({
      method: ['post', 'patch'], path: '/auth/change-password', tag, access: 'user', rateLimit: [hourly('change-password')],
      summary: 'Change the password; every session is revoked and new tokens are issued (5 wrong current passwords per session per 15 minutes)',
      request: { body: object({ oldPassword: required(password), newPassword: required(password) }) },
      response: { data: tokenPair },
      async handler({ actor, body }, ctx) {
        const tokens = await changePassword.execute({ userId: actor.userId, sessionId: actor.sessionId, ...body });
        setSessionCookies(ctx, settings, tokens);
        return { message: 'Password changed successfully', data: { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken } };
      },
    }),
    route({
      method: 'post', path: '/auth/set-password', tag, access: 'user', rateLimit: [hourly('set-password')],
      summary: 'Set a first password on an account created by Google sign-in',
      request: { body: object({ password: required(password) }) },
      async handler({ actor, body }) {
        await setPassword.execute({ userId: actor.userId, password: body.password });
        return { message: 'Password set successfully', data: null };
      },
    }),
    route({
      method: 'post', path: '/auth/forgot-password', tag, access: 'public', rateLimit: [hourly('forgot-password'), resetMails],
      summary: 'Email a single-use reset link (answers the same for unknown emails)',
      request: { body: object({ email: required(Joi.string().email({ tlds: { allow: false } }).max(254)) }) },
      async handler({ body }) {
        await forgotPassword.execute(body);
        return { message: 'If the account exists, a reset link was sent to its email', data: null };
      },
    }),
    route({
      method: 'post', path: '/auth/reset-password', tag, access: 'public', rateLimit: [hourly('reset-password')],
      summary: 'Set a new password with a reset token (body `token`, or the token in Authorization with `id`)',
      request: { body: object({ token: Joi.string().max(200), id: Joi.string().max(64), newPassword: required(password) }) },
      async handler({ body }, ctx) {
        const headerToken = ctx.get('authorization').replace(/^Bearer\s+/i, '').trim();
        await resetPassword.execute({ token: body.token ?? headerToken, newPassword: body.newPassword, userId: body.id });
        return { message: 'Password reset successfully', data: null };
      },
    }),
  ];
}
