import type { IncomingHttpHeaders } from 'node:http';
import type { Context } from 'koa';
import type { CheckSession } from '../../application/auth/CheckSession';
import type { AccessTokens } from '../../application/ports/AccessTokens';
import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { DomainError, Forbidden, Unauthenticated } from '../../domain/shared/errors';
import type { Actor } from '../../domain/user/Role';
import { ACCESS_COOKIE, cookieNamed } from './cookies';
import type { Access } from './route';

export interface Authentication {
  actor: Actor | null;
  /** The access token came from the cookie (a browser may have sent it for another site's page). */
  byCookie: boolean;
}

/** Bearer token, a bare token (older clients), or the cookie, in that order. From the raw headers, so the chain and answers ahead of Koa read the same token. */
export function presentedAccessToken(headers: IncomingHttpHeaders): { token: string; byCookie: boolean } | null {
  const header = (headers.authorization ?? '').trim();
  if (header) return { token: header.replace(/^Bearer\s+/i, ''), byCookie: false };
  const cookie = cookieNamed(headers.cookie, ACCESS_COOKIE);
  return cookie ? { token: cookie, byCookie: true } : null;
}

/** Whether a route of this access lets a logged-in actor through. */
export const admits = (access: Exclude<Access, 'public' | 'optional'>, actor: Actor): boolean => access === 'user' || access.includes(actor.role);

/**
 * Who is calling, checked against the route's access: a valid signature, then the session's standing
 * (revoked, blocked, deleted, role changed) through CheckSession. `optional` routes take a caller
 * when one is presented and still standing, and go on anonymously otherwise.
 */
export function authenticator(tokens: AccessTokens, checkSession: CheckSession) {
  return async (ctx: Context, access: Access): Promise<Authentication> => {
    const presented = presentedAccessToken(ctx.headers);
    if (access === 'public') return { actor: null, byCookie: false };
    if (access === 'optional') {
      if (!presented) return { actor: null, byCookie: false };
      try {
        return { actor: await checkSession.execute(tokens.verify(presented.token)), byCookie: presented.byCookie };
      } catch (error) {
        if (error instanceof DomainError) return { actor: null, byCookie: presented.byCookie };
        throw error;
      }
    }
    if (!presented) throw new Unauthenticated('You are not logged in', ERROR_CODES.AUTH.NO_TOKEN);
    const actor = await checkSession.execute(tokens.verify(presented.token));
    if (!admits(access, actor)) throw new Forbidden('You are not permitted to view this route');
    return { actor, byCookie: presented.byCookie };
  };
}

export type Authenticator = ReturnType<typeof authenticator>;
