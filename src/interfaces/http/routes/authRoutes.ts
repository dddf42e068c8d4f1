import Joi from 'joi';
import { ChangePassword } from '../../../application/auth/ChangePassword';
import { ForgotPassword } from '../../../application/auth/ForgotPassword';
import { LoginUser } from '../../../application/auth/LoginUser';
import { Logout } from '../../../application/auth/Logout';
import { LogoutAll } from '../../../application/auth/LogoutAll';
import { RefreshAccessToken } from '../../../application/auth/RefreshAccessToken';
import { ResetPassword } from '../../../application/auth/ResetPassword';
import { SetPassword } from '../../../application/auth/SetPassword';
import { Runtime } from '../../../infrastructure/container/buildContainer';
import { REFRESH_COOKIE, clearSessionCookies, setSessionCookies } from '../cookies';
import { presentUser } from '../presenters/presentUser';
import { RateLimitRule, RouteDef } from '../route';

const password = Joi.string().max(128);
const tokenPair = Joi.object({ accessToken: Joi.string(), refreshToken: Joi.string() });

export function authRoutes({ container, config }: Runtime): RouteDef[] {
  const login = container.get(LoginUser);
  const refresh = container.get(RefreshAccessToken);
  const logout = container.get(Logout);
  const logoutAll = container.get(LogoutAll);
  const changePassword = container.get(ChangePassword);
  const setPassword = container.get(SetPassword);
  const forgotPassword = container.get(ForgotPassword);
  const resetPassword = container.get(ResetPassword);
  const tag = 'Auth';
  /**
   * Attempts per client address; failed ones are also counted per (address, email) and per account
   * inside LoginUser. Logging in must not depend on Redis: while it is down these limits are skipped (and logged).
   */
  const loginLimits: RateLimitRule[] = [{ bucket: 'login', limit: config.rateLimits.loginPerMinute, windowMs: 60_000, whenUnavailable: 'allow' }];
  /**
   * Each of these costs an argon2 hash (or a mail): a client address gets so many an hour. While Redis is
   * down they are skipped (logged): the hashing queue's own bound still keeps a flood from the CPU.
   */
  const hourly = (bucket: string): RateLimitRule => ({ bucket, limit: config.rateLimits.accountPerHour, windowMs: 3_600_000, whenUnavailable: 'allow' });
  /** Per email too, so one inbox is not flooded; unknown emails count alike, so a 429 reveals nothing. */
  const resetMails: RateLimitRule = { bucket: 'reset-mail', limit: config.rateLimits.resetMailsPerHour, windowMs: 3_600_000, by: ({ body }) => String(body.email).trim().toLowerCase() };

  return [
    {
      method: 'post', path: '/auth/login', tag, access: 'public', rateLimit: loginLimits,
      summary: 'Log in with email and password; tokens in the body and as httpOnly cookies',
      request: { body: Joi.object({ email: Joi.string().max(254).required(), password: password.required() }) },
      response: { data: tokenPair.keys({ user: Joi.object() }) },
      async handler({ body }, ctx) {
        const session = await login.execute({ ...body, address: ctx.ip });
        setSessionCookies(ctx, config, session);
        return { message: 'User logged in successfully', data: { accessToken: session.accessToken, refreshToken: session.refreshToken, user: presentUser(session.user) } };
      },
    },
    {
      method: 'post', path: '/auth/refresh-token', tag, access: 'public', readsSessionCookies: true,
      summary: 'Rotate the refresh token (cookie or body) and get a new access token',
      request: { body: Joi.object({ refreshToken: Joi.string().max(200) }) },
      response: { data: tokenPair },
      async handler({ body }, ctx) {
        const tokens = await refresh.execute(body.refreshToken ?? ctx.cookies.get(REFRESH_COOKIE) ?? '');
        setSessionCookies(ctx, config, tokens);
        return { message: 'New access token retrieved successfully', data: { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken } };
      },
    },
    {
      method: 'post', path: '/auth/logout', tag, access: 'optional', readsSessionCookies: true,
      summary: 'End the session of the presented refresh and access tokens (their access tokens stop working) and clear the cookies',
      request: { body: Joi.object({ refreshToken: Joi.string().max(200) }) },
      async handler({ body, actor }, ctx) {
        const session = actor?.sessionId ? { userId: actor.userId, sessionId: actor.sessionId } : null;
        await logout.execute({ refreshToken: body.refreshToken ?? ctx.cookies.get(REFRESH_COOKIE) ?? null, session });
        clearSessionCookies(ctx, config);
        return { message: 'User logged out successfully', data: null };
      },
    },
    {
      method: 'post', path: '/auth/logout-all', tag, access: 'user',
      summary: 'Revoke every session of the current user',
      async handler({ actor }, ctx) {
        await logoutAll.execute(actor!.userId);
        clearSessionCookies(ctx, config);
        return { message: 'All sessions revoked', data: null };
      },
    },
    {
      method: ['post', 'patch'], path: '/auth/change-password', tag, access: 'user', rateLimit: [hourly('change-password')],
      summary: 'Change the password; every session is revoked and new tokens are issued (5 wrong current passwords per session per 15 minutes)',
      request: { body: Joi.object({ oldPassword: password.required(), newPassword: password.required() }) },
      response: { data: tokenPair },
      async handler({ actor, body }, ctx) {
        const tokens = await changePassword.execute({ userId: actor!.userId, sessionId: actor!.sessionId, ...body });
        setSessionCookies(ctx, config, tokens);
        return { message: 'Password changed successfully', data: { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken } };
      },
    },
    {
      method: 'post', path: '/auth/set-password', tag, access: 'user', rateLimit: [hourly('set-password')],
      summary: 'Set a first password on an account created by Google sign-in',
      request: { body: Joi.object({ password: password.required() }) },
      async handler({ actor, body }) {
        await setPassword.execute({ userId: actor!.userId, password: body.password });
        return { message: 'Password set successfully', data: null };
      },
    },
    {
      method: 'post', path: '/auth/forgot-password', tag, access: 'public', rateLimit: [hourly('forgot-password'), resetMails],
      summary: 'Email a single-use reset link (answers the same for unknown emails)',
      request: { body: Joi.object({ email: Joi.string().email({ tlds: { allow: false } }).max(254).required() }) },
      async handler({ body }) {
        await forgotPassword.execute(body);
        return { message: 'If the account exists, a reset link was sent to its email', data: null };
      },
    },
    {
      method: 'post', path: '/auth/reset-password', tag, access: 'public', rateLimit: [hourly('reset-password')],
      summary: 'Set a new password with a reset token (body `token`, or the token in Authorization with `id`)',
      request: { body: Joi.object({ token: Joi.string().max(200), id: Joi.string().max(64), newPassword: password.required() }) },
      async handler({ body }, ctx) {
        const headerToken = ctx.get('authorization').replace(/^Bearer\s+/i, '').trim();
        await resetPassword.execute({ token: body.token ?? headerToken, newPassword: body.newPassword, userId: body.id });
        return { message: 'Password reset successfully', data: null };
      },
    },
  ];
}
