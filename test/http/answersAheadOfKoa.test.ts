import http from 'node:http';
import Koa from 'koa';
import type { DataVersion } from '../../src/application/ports/DataVersion';
import type { Logger } from '../../src/application/ports/Logger';
import { catalogueCache } from '../../src/interfaces/http/catalogueCache';
import { aheadOfKoa } from '../../src/interfaces/http/createHttpApp';
import { FakeClock } from '../fakes/FakeClock';
import { InMemoryDataVersion } from '../fakes/InMemoryDataVersion';
import { InMemoryMetrics } from '../fakes/InMemoryMetrics';
import type { LoggedIn } from '../support/accounts';
import { loginSuperAdmin, startAppWithSuperAdmin } from '../support/accounts';
import type { ApiResponse, TestApp } from '../support/testApp';

const API = '/api/v1';
const failNow = (): never => {
  throw new Error('the version store failed');
};
const FRONTEND = 'https://app.example.com';

class RecordingLogger implements Logger {
  readonly lines: Record<string, unknown>[] = [];
  info(fields: Record<string, unknown>, message: string): void {
    this.lines.push({ ...fields, message });
  }
  warn(): void {}
  error(): void {}
}

/** Every header but the two that belong to one response. */
const headersOf = (response: ApiResponse, ignoring: string[] = []) =>
  Object.fromEntries([...response.headers.entries()].filter(([name]) => name !== 'x-request-id' && name !== 'date' && !ignoring.includes(name)));
/** Node closes the connection after any bodiless answer to HEAD, whoever wrote it. */
const CONNECTION = ['connection', 'keep-alive'];

describe('catalogue answers and liveness served ahead of Koa', () => {
  let app: TestApp;
  let admin: LoggedIn;
  let tour: { id: string; slug: string };
  let division: { id: string };
  const logger = new RecordingLogger();
  /** Koa contexts created so far: a request answered ahead of Koa creates none. */
  let contexts: jest.SpyInstance;

  beforeAll(async () => {
    app = await startAppWithSuperAdmin({ FRONTEND_URL: FRONTEND }, { logger });
    admin = await loginSuperAdmin(app);
    division = (await app.request('POST', `${API}/division/create`, { token: admin.accessToken, body: { name: 'Sylhet' } })).body.data;
    const tourType = (await app.request('POST', `${API}/tour/create-tour-type`, { token: admin.accessToken, body: { name: 'Tea gardens' } })).body.data;
    tour = (await app.request('POST', `${API}/tour/create`, {
      token: admin.accessToken, body: { title: 'Srimangal Tea Trail', costFrom: 9900, maxGuest: 8, division: division.id, tourType: tourType.id },
    })).body.data;
    contexts = jest.spyOn(app.server.http.app, 'createContext');
  });
  afterAll(() => app.stop());

  /** A request's answer, and whether Koa took part in it. */
  async function viaKoa(method: string, path: string, headers: Record<string, string> = {}): Promise<[ApiResponse, boolean]> {
    const before = contexts.mock.calls.length;
    const response = await app.request(method, path, { headers });
    return [response, contexts.mock.calls.length > before];
  }

  const urls = () => [`${API}/tour/${tour.slug}`, `${API}/tours?sort=title&limit=5`, `${API}/tours/tour-types`, `${API}/division`];

  test.each([
    ['no Origin', {}],
    ['the front end', { origin: FRONTEND }],
    ['another site', { origin: 'https://evil.example' }],
  ])('a stored answer for %s repeats exactly what the chain sent, without Koa', async (_, origin: Record<string, string>) => {
    for (const url of urls()) {
      const [first] = await viaKoa('GET', url, origin);
      expect(first.status).toBe(200);
      const [again, againKoa] = await viaKoa('GET', url, origin);
      expect(againKoa).toBe(false);
      expect([again.status, again.body]).toEqual([200, first.body]);
      expect(headersOf(again)).toEqual(headersOf(first));
      expect(again.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));

      const [head, headKoa] = await viaKoa('HEAD', url, origin);
      expect([headKoa, head.status, head.body]).toEqual([false, 200, '']);
      expect(headersOf(head, CONNECTION)).toEqual(headersOf(first, CONNECTION));
    }
  });

  test('an origin the chain has not answered yet goes through the chain first', async () => {
    const url = `${API}/tour/${tour.slug}`;
    await viaKoa('GET', url);
    await viaKoa('GET', url);
    const [fresh, freshKoa] = await viaKoa('GET', url, { origin: 'https://partner.example' });
    expect([fresh.status, freshKoa]).toEqual([200, true]);
    expect((await viaKoa('GET', url, { origin: 'https://partner.example' }))[1]).toBe(false);
  });

  test('If-None-Match is answered 304 ahead of Koa with the chain\'s 304 headers', async () => {
    const bySlug = `${API}/tour/${tour.slug}`;
    const [first] = await viaKoa('GET', bySlug, { origin: FRONTEND });
    await viaKoa('GET', bySlug, { origin: FRONTEND });
    const condition = { origin: FRONTEND, 'if-none-match': first.headers.get('etag')! };
    const [ahead, aheadKoa] = await viaKoa('GET', bySlug, condition);
    expect([ahead.status, ahead.body, aheadKoa]).toEqual([304, '', false]);
    // The same tour by id: not read yet, so the chain renders it and answers the same condition itself.
    const [chain, chainKoa] = await viaKoa('GET', `${API}/tour/${tour.id}`, condition);
    expect([chain.status, chainKoa]).toEqual([304, true]);
    expect(headersOf(ahead)).toEqual(headersOf(chain));
    expect(ahead.headers.get('content-type')).toBeNull();
  });

  test('callers presenting a token are always answered by the chain, privately', async () => {
    const url = `${API}/tour/${tour.slug}`;
    await viaKoa('GET', url);
    await viaKoa('GET', url);
    const [bearer, bearerKoa] = await viaKoa('GET', url, { authorization: `Bearer ${admin.accessToken}` });
    expect([bearerKoa, bearer.headers.get('cache-control')]).toEqual([true, 'private, no-store']);
    const [cookie, cookieKoa] = await viaKoa('GET', url, { cookie: `accessToken=${admin.accessToken}` });
    expect([cookieKoa, cookie.headers.get('cache-control')]).toEqual([true, 'private, no-store']);
  });

  test('a catalogue write sends the next read through the chain again, which serves the change', async () => {
    const url = `${API}/tour/${tour.slug}`;
    await viaKoa('GET', url);
    expect((await viaKoa('GET', url))[1]).toBe(false);
    expect((await app.request('PATCH', `${API}/tour/${tour.id}`, { token: admin.accessToken, body: { maxGuest: 12 } })).status).toBe(200);
    const [after, afterKoa] = await viaKoa('GET', url);
    expect([afterKoa, after.body.data.seatsLeft]).toEqual([true, 12]);
    expect((await viaKoa('GET', url))[1]).toBe(false);
  });

  test('answers ahead of Koa keep the sane request id a client sent, and are logged and counted under their route', async () => {
    const url = `${API}/division`;
    await viaKoa('GET', url);
    const before = logger.lines.length;
    const [answer, koa] = await viaKoa('GET', `${url}`, { 'x-request-id': 'probe-ahead-1' });
    expect([koa, answer.headers.get('x-request-id')]).toEqual([false, 'probe-ahead-1']);
    const line = logger.lines.slice(before).find((l) => l.requestId === 'probe-ahead-1');
    expect(line).toMatchObject({ message: 'request', method: 'GET', url, route: `${API}/division`, status: 200 });
    expect(typeof line?.ms).toBe('number');
    const [malformed] = await viaKoa('GET', url, { 'x-request-id': 'no spaces allowed' });
    expect(malformed.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    const scrape = async () => (await app.request('GET', '/metrics')).body as string;
    const count = (text: string) => Number(text.split('\n').find((l) => l.startsWith('http_request_duration_seconds_count{') && l.includes(`route="${API}/division"`) && l.includes('status="200"'))?.split(' ').pop() ?? 0);
    const counted = count(await scrape());
    expect((await viaKoa('GET', url))[1]).toBe(false);
    expect(count(await scrape())).toBe(counted + 1);
  });

  test('liveness is answered without Koa; other methods on its path reach the chain', async () => {
    const [health, koa] = await viaKoa('GET', '/health');
    expect([health.status, health.body.data.status, koa]).toEqual([200, 'ok', false]);
    expect(health.headers.get('cache-control')).toBe('no-store');
    const [head, headKoa] = await viaKoa('HEAD', '/health?probe=1');
    expect([head.status, head.body, headKoa]).toEqual([200, '', false]);
    const [post, postKoa] = await viaKoa('POST', '/health');
    expect([post.status, postKoa]).toEqual([404, true]);
  });
});

describe('catalogue answers the chain marks as personal or varying', () => {
  /** A Koa app with the catalogue store, whose chain does `upstream` first; how many times the chain ran. */
  async function served(upstream: Koa.Middleware, requests: number, catalogueVersion: DataVersion = new InMemoryDataVersion()): Promise<{ chainRuns: number; answers: Response[] }> {
    const cache = catalogueCache({ catalogueVersion, clock: new FakeClock(), logger: new RecordingLogger(), metrics: new InMemoryMetrics() });
    const koa = new Koa();
    let chainRuns = 0;
    koa.use(async (ctx, next) => {
      chainRuns += 1;
      await upstream(ctx, next);
    });
    koa.use(cache.middleware);
    koa.use((ctx) => {
      ctx.body = { success: true, data: [] };
    });
    const server = http.createServer(aheadOfKoa(koa, [cache.answerAhead]));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      const answers: Response[] = [];
      for (let i = 0; i < requests; i++) answers.push(await fetch(`http://127.0.0.1:${port}${API}/division`, { headers: { 'accept-language': i % 2 ? 'bn' : 'en' } }));
      return { chainRuns, answers };
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }

  test('an answer whose chain set a cookie is never replayed', async () => {
    const { chainRuns, answers } = await served(async (ctx, next) => {
      ctx.cookies.set('visitor', 'v1', { httpOnly: true });
      await next();
    }, 3);
    expect(chainRuns).toBe(3);
    for (const answer of answers) expect(answer.headers.getSetCookie()).toEqual(['visitor=v1; path=/; httponly']);
  });

  test('an answer that varies on more than Origin is never replayed', async () => {
    const { chainRuns, answers } = await served(async (ctx, next) => {
      ctx.vary('Origin');
      ctx.vary('Accept-Language');
      ctx.set('Content-Language', ctx.get('accept-language'));
      await next();
    }, 4);
    expect(chainRuns).toBe(4);
    expect(answers.map((a) => a.headers.get('content-language'))).toEqual(['en', 'bn', 'en', 'bn']);
  });

  test('a shortcut that fails half-way hands the request to the chain instead of crashing', async () => {
    const version = new InMemoryDataVersion();
    let calls = 0;
    // known() is asked once per request, ahead of Koa; it fails on the third.
    const flaky: DataVersion = { current: () => version.current(), known: () => (++calls === 3 ? failNow() : version.known()) };
    const { chainRuns, answers } = await served((ctx, next) => next(), 4, flaky);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(chainRuns).toBe(2);
  });

  test('an answer that varies on Origin alone is replayed', async () => {
    const { chainRuns } = await served(async (ctx, next) => {
      ctx.vary('Origin');
      await next();
    }, 3);
    expect(chainRuns).toBe(1);
  });
});
