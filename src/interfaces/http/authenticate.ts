import { Context } from 'koa';
import { AccessTokens } from '../../application/ports/AccessTokens';
import { Forbidden, Unauthenticated } from '../../domain/shared/errors';
import { Actor } from '../../domain/user/Role';
import { ACCESS_COOKIE } from './cookies';
import { Access } from './route';

/** Bearer token, a bare token (older clients), or the cookie, in that order. */
export function presentedAccessToken(ctx: Context): string | null {
  const header = ctx.get('authorization').trim();
  if (header) return header.replace(/^Bearer\s+/i, '');
  return ctx.cookies.get(ACCESS_COOKIE) || null;
}

export function authorize(ctx: Context, access: Access, tokens: AccessTokens): Actor | null {
  if (access === 'public') return null;
  const token = presentedAccessToken(ctx);
  if (!token) throw new Unauthenticated('You are not logged in', 'AUTH.NO_TOKEN');
  const claims = tokens.verify(token);
  const actor = { userId: claims.userId, role: claims.role };
  if (access !== 'user' && !access.includes(actor.role)) throw new Forbidden('You are not permitted to view this route');
  return actor;
}
