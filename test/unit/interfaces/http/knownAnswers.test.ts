import http from 'node:http';
import Koa from 'koa';
import type { AccessClaims, AccessTokens } from '../../../../src/application/ports/AccessTokens';
import { Unauthenticated } from '../../../../src/domain/shared/errors';
import type { Actor } from '../../../../src/domain/user/Role';
import { cookieNamed } from '../../../../src/interfaces/http/cookies';
import { aheadOfKoa } from '../../../../src/interfaces/http/createHttpApp';
import { successBody } from '../../../../src/interfaces/http/envelope';
import { knownAnswers } from '../../../../src/interfaces/http/knownAnswers';
import type { RouteDef } from '../../../../src/interfaces/http/route';
import { ADMINS, idParams, route } from '../../../../src/interfaces/http/route';
import { InMemoryMetrics } from '../../../fakes/InMemoryMetrics';
import { RecordingLogger } from '../../../fakes/RecordingLogger';

/** Tokens are `token-<userId>-<role>`; anything else fails verification. */
const tokens: AccessTokens = {
  issue: () => { throw new Error('not used'); },
  verify: (token: string): AccessClaims => {
    const [, userId, role] = /^token-(\w+)-(\w+)$/.exec(token) ?? [];
    if (!userId) throw new Unauthenticated('Invalid access token');
    return { userId, email: `${userId}@example.com`, role: role as Actor['role'], sessionId: `s-${userId}` };
  },
};

const meRoute = (access: RouteDef['access'], path = '/me', kept = new Set(['ana', 'ben', 'root'])) => route({
  method: 'get', path, tag: 'T', access, summary: 'me',
  handler: async ({ actor }) => ({ message: 'from the handler', data: { id: actor!.userId, via: 'chain' } }),
  known: ({ actor }) => (kept.has(actor!.userId) ? { message: 'from the handler', data: { id: actor!.userId, via: 'chain' } } : null),
});

/** A Koa app whose chain is the known-answer middleware and the route's handler; the standings this process holds. */
async function serving(routes: RouteDef[], held: Map<string, Actor['role']>) {
  const known = knownAnswers(routes, {
    accessTokens: tokens,
    checkSession: { known: (claims: AccessClaims) => (held.get(claims.userId) === claims.role ? { userId: claims.userId, role: claims.role, sessionId: claims.sessionId } : null) },
    logger: new RecordingLogger(),
    metrics: new InMemoryMetrics(),
  });
  const koa = new Koa();
  let chainRuns = 0;
  koa.use(async (ctx, next) => {
    chainRuns += 1;
    ctx.set('X-Chain', 'yes');
    await next();
  });
  koa.use(known.middleware);
  koa.use(async (ctx) => {
    const def = routes.find((r) => `/api/v1${r.path as string}` === ctx.path)!;
    const actor = tokens.verify(ctx.get('authorization').replace('Bearer ', ''));
    const reply = (await def.handler({ actor, params: {}, query: {}, body: {}, files: [] }, ctx))!;
    ctx.body = successBody(200, reply);
  });
  const server = http.createServer(aheadOfKoa(koa, [known.answerAhead]));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  /** The answer, and whether the chain ran for it. */
  const get = async (path: string, headers: Record<string, string>, method = 'GET'): Promise<[Response, boolean]> => {
    const before = chainRuns;
    const response = await fetch(`http://127.0.0.1:${port}/api/v1${path}`, { method, headers });
    await response.arrayBuffer();
    return [response, chainRuns > before];
  };
  return { get, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('knownAnswers', () => {
  test('answers ahead of Koa only a verified token whose standing is held, from an origin the chain answered, with what the route knows', async () => {
    const held = new Map<string, Actor['role']>([['ana', 'USER'], ['ben', 'USER']]);
    const app = await serving([meRoute('user', '/me', new Set(['ana']))], held);
    try {
      const ana = { authorization: 'Bearer token-ana-USER' };
      expect((await app.get('/me', ana))[1]).toBe(true);
      const [ahead, aheadChain] = await app.get('/me', ana);
      expect([ahead.status, aheadChain, ahead.headers.get('x-chain')]).toEqual([200, false, 'yes']);
      // Each piece the shortcut cannot vouch for sends the request through the chain.
      expect((await app.get('/me', { authorization: 'Bearer forged' }))[1]).toBe(true);
      expect((await app.get('/me', { authorization: 'Bearer token-ana-ADMIN' }))[1]).toBe(true);
      expect((await app.get('/me', { authorization: 'Bearer token-cyd-USER' }))[1]).toBe(true);
      expect((await app.get('/me', { authorization: 'Bearer token-ben-USER' }))[1]).toBe(true);
      expect((await app.get('/me', { ...ana, origin: 'https://new.example' }))[1]).toBe(true);
      expect((await app.get('/me', { ...ana, origin: 'https://new.example' }))[1]).toBe(false);
      expect((await app.get('/me', {}))[1]).toBe(true);
      expect((await app.get('/me', ana, 'HEAD'))[1]).toBe(true);
      expect((await app.get('/me', { cookie: 'accessToken=token-ana-USER' }))[1]).toBe(false);
      held.delete('ana');
      expect((await app.get('/me', ana))[1]).toBe(true);
    } finally {
      await app.close();
    }
  });

  test("a route's access is the chain's: a role it does not admit goes through the chain", async () => {
    const held = new Map<string, Actor['role']>([['ana', 'USER'], ['root', 'ADMIN']]);
    const app = await serving([meRoute(ADMINS, '/staff')], held);
    try {
      const root = { authorization: 'Bearer token-root-ADMIN' };
      await app.get('/staff', root);
      expect((await app.get('/staff', root))[1]).toBe(false);
      expect((await app.get('/staff', { authorization: 'Bearer token-ana-USER' }))[1]).toBe(true);
    } finally {
      await app.close();
    }
  });

  test.each([
    ['it is not a GET', { method: 'post' }],
    ['it has path parameters', { path: '/me/:id' }],
    ['it reads its request', { request: { params: idParams } }],
    ['it is rate-limited', { rateLimit: [{ bucket: 'b', limit: 1, windowMs: 1_000 }] }],
    ['it is not for signed-in callers only', { access: 'optional' }],
    ['it is not for signed-in callers only', { access: 'public' }],
    ['it does not answer 200', { response: { status: 201 } }],
  ])('refuses, at start-up, a known answer on a route that cannot give one from memory: %s', (problem, change) => {
    const def = { ...meRoute('user'), ...change } as RouteDef;
    const deps = { accessTokens: tokens, checkSession: { known: () => null }, logger: new RecordingLogger(), metrics: new InMemoryMetrics() };
    expect(() => knownAnswers([def], deps)).toThrow(`cannot have a known answer: ${problem}`);
    expect(() => knownAnswers([meRoute('user')], deps)).not.toThrow();
  });
});

describe('cookieNamed', () => {
  test("reads a cookie from a Cookie header exactly as Koa's ctx.cookies.get does", () => {
    const koa = new Koa();
    const headers = [
      undefined, '', 'accessToken=abc', 'a=1; accessToken=abc', 'a=1;accessToken=abc; b=2', 'xaccessToken=no', 'accessTokenx=no; accessToken=yes',
      'accessToken="quoted"', 'accessToken=', 'accessToken=a=b=c', 'a=1;   accessToken=spaced', 'accessToken=first; accessToken=second', 'ACCESSTOKEN=upper',
      'refreshToken=r; accessToken=t', 'accessToken=%20encoded%3D', ' accessToken=leading-space', 'a=accessToken=inside',
    ];
    for (const header of headers) {
      const ctx = koa.createContext({ headers: header === undefined ? {} : { cookie: header }, socket: {} } as http.IncomingMessage, {} as http.ServerResponse);
      for (const name of ['accessToken', 'refreshToken']) expect([header, name, cookieNamed(header, name)]).toEqual([header, name, ctx.cookies.get(name)]);
    }
  });
});
