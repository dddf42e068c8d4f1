import { RecordingLogger } from '../fakes/RecordingLogger';
import { shardOf } from '../../src/infrastructure/persistence/dataVersions';
import type { LoggedIn } from '../support/accounts';
import { loginSuperAdmin, register, startAppWithSuperAdmin, verifiedUser } from '../support/accounts';
import type { ApiResponse, TestApp } from '../support/testApp';

const ME = '/api/v1/user/me';
const FRONTEND = 'https://app.example.com';

/** Every header but the two that belong to one response. */
const headersOf = (response: ApiResponse) => Object.fromEntries([...response.headers.entries()].filter(([name]) => name !== 'x-request-id' && name !== 'date'));
const bearer = (who: LoggedIn) => ({ authorization: `Bearer ${who.accessToken}` });

describe('GET /user/me answered ahead of Koa from what the process holds', () => {
  let app: TestApp;
  let admin: LoggedIn;
  const logger = new RecordingLogger();
  /** Koa contexts created so far: a request answered ahead of Koa creates none. */
  let contexts: jest.SpyInstance;

  beforeAll(async () => {
    app = await startAppWithSuperAdmin({ FRONTEND_URL: FRONTEND }, { logger });
    admin = await loginSuperAdmin(app);
    contexts = jest.spyOn(app.server.http.app, 'createContext');
  });
  afterAll(() => app.stop());

  /** A request's answer, and whether Koa took part in it. */
  async function viaKoa(headers: Record<string, string>, method = 'GET', path = ME): Promise<[ApiResponse, boolean]> {
    const before = contexts.mock.calls.length;
    const response = await app.request(method, path, { headers });
    return [response, contexts.mock.calls.length > before];
  }

  /** A traveller whose `/user/me` the chain answered once and the shortcut answers now. */
  async function answeredAhead(who: LoggedIn): Promise<LoggedIn> {
    await viaKoa(bearer(who));
    expect((await viaKoa(bearer(who)))[1]).toBe(false);
    return who;
  }

  test.each([
    ['no Origin', {}],
    ['the front end', { origin: FRONTEND }],
    ['another site', { origin: 'https://evil.example' }],
  ])('for %s, by Bearer token and by cookie, it repeats exactly what the chain sent', async (_, origin: Record<string, string>) => {
    const traveller = await verifiedUser(app, admin);
    for (const credentials of [bearer(traveller), { cookie: `theme=dark; accessToken=${traveller.accessToken}` }]) {
      const [first] = await viaKoa({ ...origin, ...credentials });
      expect([first.status, first.body.data.email]).toEqual([200, traveller.email]);
      const [again, againKoa] = await viaKoa({ ...origin, ...credentials });
      expect(againKoa).toBe(false);
      expect([again.status, again.body]).toEqual([200, first.body]);
      expect(headersOf(again)).toEqual(headersOf(first));
      expect(again.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    }
  });

  test('each caller gets their own profile; a caller this process has not checked yet goes through the chain first', async () => {
    const [ana, ben] = [await verifiedUser(app, admin, {}, { name: 'Ana Rahman' }), await verifiedUser(app, admin, {}, { name: 'Ben Karim' })];
    await viaKoa(bearer(ana));
    expect((await viaKoa(bearer(ana)))[1]).toBe(false);
    const [benFirst, benFirstKoa] = await viaKoa(bearer(ben));
    expect([benFirstKoa, benFirst.body.data.name]).toEqual([true, 'Ben Karim']);
    const [benAgain, benAgainKoa] = await viaKoa(bearer(ben));
    expect([benAgainKoa, benAgain.body.data.name, benAgain.body.data.email]).toEqual([false, 'Ben Karim', ben.email]);
    const [anaAgain] = await viaKoa(bearer(ana));
    expect([anaAgain.body.data.name, anaAgain.body.data._id]).toEqual(['Ana Rahman', ana.id]);
  });

  test('an origin the chain has not answered yet goes through the chain first', async () => {
    const traveller = await verifiedUser(app, admin);
    await viaKoa(bearer(traveller));
    const partner = { ...bearer(traveller), origin: 'https://partner.example' };
    expect((await viaKoa(partner))[1]).toBe(true);
    expect((await viaKoa(partner))[1]).toBe(false);
  });

  test.each([
    ['a logged-out session', (who: LoggedIn) => app.request('POST', '/api/v1/auth/logout', { token: who.accessToken, body: { refreshToken: who.refreshToken } }), 'AUTH.SESSION_ENDED'],
    ['a blocked user', (who: LoggedIn) => app.request('PATCH', `/api/v1/user/${who.id}`, { token: admin.accessToken, body: { isActive: 'BLOCKED' } }), 'AUTH.SESSION_ENDED'],
    ['a changed role', (who: LoggedIn) => app.request('PATCH', `/api/v1/user/${who.id}`, { token: admin.accessToken, body: { role: 'ADMIN' } }), 'AUTH.TOKEN_EXPIRED'],
  ])('%s is refused by the chain on the very next request', async (_, change: (who: LoggedIn) => Promise<ApiResponse>, code: string) => {
    const traveller = await answeredAhead(await verifiedUser(app, admin));
    expect((await change(traveller)).status).toBe(200);
    const [refused, refusedKoa] = await viaKoa(bearer(traveller));
    expect([refused.status, refused.body.code, refusedKoa]).toEqual([401, code, true]);
  });

  test('a profile change is served on the very next request, then ahead of Koa again', async () => {
    const traveller = await answeredAhead(await verifiedUser(app, admin));
    expect((await app.request('PATCH', `/api/v1/user/${traveller.id}`, { token: traveller.accessToken, body: { name: 'New Name' } })).status).toBe(200);
    const [changed, changedKoa] = await viaKoa(bearer(traveller));
    expect([changed.body.data.name, changedKoa]).toEqual(['New Name', true]);
    const [again, againKoa] = await viaKoa(bearer(traveller));
    expect([again.body.data.name, againKoa]).toEqual(['New Name', false]);
  });

  test("another user's change drops only the kept profiles of that user's part of the users version", async () => {
    const traveller = await verifiedUser(app, admin);
    const others: { id: string }[] = [];
    const inPart = (same: boolean) => others.find((o) => (shardOf(o.id) === shardOf(traveller.id)) === same);
    while (!inPart(true) || !inPart(false)) others.push(await register(app));
    const rename = async (who: { id: string }) => expect((await app.request('PATCH', `/api/v1/user/${who.id}`, { token: admin.accessToken, body: { name: `Renamed ${Date.now()}` } })).status).toBe(200);
    const reads = jest.spyOn(app.server.root.useCases.getUser, 'execute');
    /** After a user write here, the next request re-reads the version through the chain: did it also re-read the profile? */
    const rereadProfile = async () => {
      const before = reads.mock.calls.length;
      const [answer] = await viaKoa(bearer(traveller));
      expect(answer.body.data._id).toBe(traveller.id);
      return reads.mock.calls.length > before;
    };
    try {
      await answeredAhead(traveller);
      await rename(inPart(false)!);
      expect(await rereadProfile()).toBe(false);
      expect((await viaKoa(bearer(traveller)))[1]).toBe(false);
      await rename(inPart(true)!);
      expect(await rereadProfile()).toBe(true);
      expect((await viaKoa(bearer(traveller)))[1]).toBe(false);
    } finally {
      reads.mockRestore();
    }
  });

  test('a forged, malformed or missing token, and other methods, are answered by the chain', async () => {
    const traveller = await answeredAhead(await verifiedUser(app, admin));
    const [header, payload] = traveller.accessToken.split('.');
    const [forged, forgedKoa] = await viaKoa({ authorization: `Bearer ${header}.${payload}.${'A'.repeat(43)}` });
    expect([forged.status, forged.body.code, forgedKoa]).toEqual([401, 'AUTH.TOKEN_INVALID', true]);
    const [none, noneKoa] = await viaKoa({});
    expect([none.status, none.body.code, noneKoa]).toEqual([401, 'AUTH.NO_TOKEN', true]);
    const [head, headKoa] = await viaKoa(bearer(traveller), 'HEAD');
    expect([head.status, headKoa]).toEqual([200, true]);
    const [post, postKoa] = await viaKoa(bearer(traveller), 'POST');
    expect([post.status, postKoa]).toEqual([405, true]);
  });

  test('answers ahead of Koa keep the sane request id a client sent, and are logged and counted under their route', async () => {
    const traveller = await verifiedUser(app, admin);
    await viaKoa(bearer(traveller));
    const before = logger.entries.length;
    const [answer, koa] = await viaKoa({ ...bearer(traveller), 'x-request-id': 'probe-me-1' });
    expect([koa, answer.headers.get('x-request-id')]).toEqual([false, 'probe-me-1']);
    const line = logger.entries.slice(before).find((l) => l.fields.requestId === 'probe-me-1');
    expect(line).toMatchObject({ level: 'info', message: 'request', fields: { method: 'GET', url: ME, route: ME, status: 200 } });
    expect(typeof line?.fields.ms).toBe('number');

    const scrape = async () => (await app.request('GET', '/metrics')).body as string;
    const count = (text: string) => Number(text.split('\n').find((l) => l.startsWith('http_request_duration_seconds_count{') && l.includes(`route="${ME}"`) && l.includes('status="200"'))?.split(' ').pop() ?? 0);
    const counted = count(await scrape());
    expect((await viaKoa(bearer(traveller)))[1]).toBe(false);
    expect(count(await scrape())).toBe(counted + 1);
  });
});
