import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context, Next } from 'koa';
import type { CheckSession } from '../../application/auth/CheckSession';
import type { AccessTokens } from '../../application/ports/AccessTokens';
import type { Logger } from '../../application/ports/Logger';
import type { Metrics } from '../../application/ports/Metrics';
import type { Actor } from '../../domain/user/Role';
import { admits, presentedAccessToken } from './authenticate';
import { ChainHeaders } from './chainHeaders';
import { successBody } from './envelope';
import { pathOf } from './liveness';
import { requestIdFrom, servedAhead } from './middleware';
import { API_PREFIX } from './mountRoutes';
import type { RouteDef } from './route';
import { asList } from './route';

export interface KnownAnswersDependencies {
  accessTokens: AccessTokens;
  checkSession: Pick<CheckSession, 'known'>;
  logger: Logger;
  metrics: Metrics;
}

export interface KnownAnswers {
  /** The Koa middleware: learns the headers the chain gives a known route's answers, per origin. */
  middleware(ctx: Context, next: Next): Promise<void>;
  /**
   * Answers a signed-in GET of a route with a `known` answer ahead of Koa, with the headers the chain
   * sent that route's answers to the same `Origin`, and logs and counts it as the chain would. False
   * when the chain must answer: another request, no token, a token or session this process cannot
   * vouch for without a read, an origin not seen yet, or an answer the route cannot give from memory.
   */
  answerAhead(request: IncomingMessage, response: ServerResponse): boolean;
}

interface KnownRoute {
  /** The pattern logs and metrics name, as the router would. */
  route: string;
  def: RouteDef & { known: NonNullable<RouteDef['known']>; access: Exclude<RouteDef['access'], 'public' | 'optional'> };
  headers: ChainHeaders;
}

/**
 * Signed-in reads answered from memory ahead of Koa (docs/adr/0015, "sixth pass"). The chain stays
 * the one place that decides: the token is verified by the same port, the session by the same use
 * case (CheckSession.known: its in-process standing, or nothing), the access by the same rule, and
 * the answer comes from the route itself. Whatever one of them cannot vouch for without waiting goes
 * through Koa, which answers it, refusals included.
 */
export function knownAnswers(routes: RouteDef[], { accessTokens, checkSession, logger, metrics }: KnownAnswersDependencies): KnownAnswers {
  const byPath = new Map<string, KnownRoute>();
  for (const def of routes) {
    if (!def.known) continue;
    assertAnswerableFromMemory(def);
    for (const path of asList(def.path)) {
      const route = `${API_PREFIX}${path}`;
      byPath.set(route, { route, def: def as KnownRoute['def'], headers: new ChainHeaders() });
    }
  }

  const middleware = (ctx: Context, next: Next): Promise<void> => {
    const known = ctx.method === 'GET' ? byPath.get(ctx.path) : undefined;
    if (!known) return next();
    return next().then(() => {
      if (ctx.status === 200) known.headers.learn(ctx.get('origin'), ctx.res);
    });
  };

  const callerOf = (request: IncomingMessage): Actor | null => {
    const presented = presentedAccessToken(request.headers);
    if (!presented) return null;
    let claims;
    try {
      claims = accessTokens.verify(presented.token);
    } catch {
      return null;
    }
    return checkSession.known(claims);
  };

  const answerAhead = (request: IncomingMessage, response: ServerResponse): boolean => {
    const started = process.hrtime.bigint();
    if (request.method !== 'GET') return false;
    const path = pathOf(request.url ?? '');
    const known = byPath.get(path);
    const headers = known?.headers.from(request.headers.origin ?? '');
    if (!known || !headers) return false;
    const actor = callerOf(request);
    if (!actor || !admits(known.def.access, actor)) return false;
    const reply = known.def.known({ actor });
    if (!reply || (reply.status ?? 200) !== 200) return false;
    const body = JSON.stringify(successBody(200, reply));
    const requestId = requestIdFrom(request.headers['x-request-id']);
    response.writeHead(200, { 'X-Request-Id': requestId, ...headers.ok, 'Content-Length': Buffer.byteLength(body) });
    response.end(body);
    servedAhead(logger, metrics, { method: 'GET', url: path, route: known.route, status: 200, requestId }, started);
    return true;
  };

  return { middleware, answerAhead };
}

/** A known answer may only stand in for a handler that reads nothing but its caller. */
function assertAnswerableFromMemory(def: RouteDef): void {
  const problem =
    asList(def.method).some((method) => method !== 'get') ? 'it is not a GET'
    : asList(def.path).some((path) => path.includes(':')) ? 'it has path parameters'
    : def.request ? 'it reads its request'
    : def.rateLimit?.length ? 'it is rate-limited'
    : def.access === 'public' || def.access === 'optional' ? 'it is not for signed-in callers only'
    : (def.response?.status ?? 200) !== 200 ? 'it does not answer 200'
    : null;
  if (problem) throw new Error(`route ${asList(def.path).join(', ')} cannot have a known answer: ${problem}`);
}
