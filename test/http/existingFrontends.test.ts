import type { ObjectStorage } from '../../src/application/ports/ObjectStorage';
import { PinoLogger, createPino } from '../../src/infrastructure/logging/PinoLogger';
import type { Database } from '../../src/infrastructure/persistence/Database';
import { JwtAccessTokens } from '../../src/infrastructure/security/JwtAccessTokens';
import { FakeClock } from '../fakes/FakeClock';
import { ImageMother } from '../mothers/ImageMother';
import { TourMother } from '../mothers/TourMother';
import type { LoggedIn} from '../support/accounts';
import { loginSuperAdmin, startAppWithSuperAdmin } from '../support/accounts';
import { freePort } from '../support/freePort';
import type { TestApp } from '../support/testApp';
import { verifiedTraveller } from '../support/travellers';

const API = '/api/v1';
const PHONE = { phone: '01712345678', address: 'House 1, Road 2, Dhaka' };

/** What front ends written for the original tour API rely on, over real HTTP (README, "Existing front ends"). */
describe('existing front ends', () => {
  let app: TestApp;
  let admin: LoggedIn;
  let db: Database;
  let storage: ObjectStorage;

  beforeAll(async () => {
    const port = await freePort();
    app = await startAppWithSuperAdmin({ PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, FRONTEND_URL: 'http://front.test' });
    admin = await loginSuperAdmin(app);
    db = app.server.root.database;
    storage = app.server.root.ports.objectStorage;
  });
  afterAll(() => app.stop());

  const download = (url: string, headers: Record<string, string> = {}) => fetch(url, { headers });

  describe('every list clamps a limit above 100 instead of refusing it', () => {
    it('finds the list routes in the OpenAPI document: each answers limit=1000 with 200 and meta.limit 100', async () => {
      const traveller = await verifiedTraveller(app, PHONE);
      const doc = (await app.request('GET', '/openapi.json')).body;
      const lists = Object.entries(doc.paths as Record<string, Record<string, { parameters: { name: string }[] }>>)
        .filter(([, ops]) => ops.get?.parameters.some((p) => p.name === 'limit'))
        .map(([path]) => path);
      expect(lists.sort()).toEqual([
        '/api/v1/booking', '/api/v1/booking/my-bookings', '/api/v1/division', '/api/v1/tour', '/api/v1/tour/tour-types',
        '/api/v1/tours', '/api/v1/tours/tour-types', '/api/v1/user/all-users',
      ]);
      for (const path of lists) {
        const token = path.endsWith('/my-bookings') ? traveller.token : admin.accessToken;
        for (const limit of ['101', '1000', '99999999999999999999']) {
          const response = await app.request('GET', `${path}?limit=${limit}&page=1`, { token });
          const meta = path.endsWith('/tour-types') ? response.body.data.meta : response.body.meta;
          expect({ path, limit, status: response.status, limitInMeta: meta?.limit }).toEqual({ path, limit, status: 200, limitInMeta: 100 });
        }
      }
    });

    it('serves 100 of 101 tour types (the filter dropdown asks for limit=1000) and pages on with the clamped size', async () => {
      for (let i = 0; i < 101; i += 1) {
        const created = await app.request('POST', `${API}/tour/create-tour-type`, { token: admin.accessToken, body: { name: `Dropdown type ${String(i).padStart(3, '0')}` } });
        expect(created.status).toBe(201);
      }
      const first = await app.request('GET', `${API}/tours/tour-types?limit=1000&fields=_id,name&searchTerm=Dropdown`);
      expect(first.body.data.meta).toEqual({ page: 1, limit: 100, total: 101, totalPage: 2 });
      expect(first.body.data.data).toHaveLength(100);
      expect(Object.keys(first.body.data.data[0]).sort()).toEqual(['_id', 'id', 'name']);
      const second = await app.request('GET', `${API}/tours/tour-types?limit=1000&page=2&searchTerm=Dropdown`);
      expect(second.body.data.data).toHaveLength(1);
    });

    it('still refuses a limit below 1 or not a whole number, naming it', async () => {
      for (const limit of ['0', '-5', '2.5', 'all']) {
        const response = await app.request('GET', `${API}/tour?limit=${limit}`);
        expect([response.status, response.body.errorSources[0].path]).toEqual([400, 'limit']);
      }
    });
  });

  describe('images', () => {
    async function tourWithImage(seed: number) {
      const key = `tours/existing-${seed}.png`;
      await storage.put(key, ImageMother.png(seed), 'image/png');
      return TourMother.insert(db, { maxGuest: 8, images: [key, 'https://cdn.example.com/kept.jpg'] });
    }

    it('are served displayable by another origin (CORP cross-origin), cacheable, with an ETag and 304 on If-None-Match', async () => {
      const tour = await tourWithImage(31);
      const shown = await app.request('GET', `${API}/tour/${tour.slug}`);
      expect(shown.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      const [url] = shown.body.data.images;
      const image = await download(url);
      expect(image.status).toBe(200);
      expect(Buffer.from(await image.arrayBuffer()).equals(ImageMother.png(31))).toBe(true);
      expect(image.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
      const maxAge = Number(/^private, max-age=(\d+)$/.exec(image.headers.get('cache-control') ?? '')?.[1]);
      expect(maxAge).toBeGreaterThanOrEqual(6 * 3600);
      expect(maxAge).toBeLessThanOrEqual(7 * 3600);
      const etag = image.headers.get('etag')!;
      expect(etag).toMatch(/^"[0-9a-f]{32}"$/);

      // What a browser sends when it revalidates its copy (fetch adds `no-cache` to conditional requests unless told otherwise).
      const revalidated = await download(url, { 'if-none-match': etag, 'cache-control': 'max-age=0' });
      expect(revalidated.status).toBe(304);
      expect(await revalidated.text()).toBe('');
      expect(revalidated.headers.get('etag')).toBe(etag);
      expect((await download(url, { 'if-none-match': '"something-else"', 'cache-control': 'max-age=0' })).status).toBe(200);
    });

    it('keep their URL for the hour: signed for a window ending on the hour, the same on every answer', async () => {
      const tour = await tourWithImage(32);
      const bySlug = async () => (await app.request('GET', `${API}/tour/${tour.slug}`)).body.data.images[0] as string;
      const before = await bySlug();
      const [fromList] = (await app.request('GET', `${API}/tour?_id=${tour.id}`)).body.data[0].images;
      const after = await bySlug();
      // The three answers are milliseconds apart: an hour can turn between two of them, not both.
      expect([before, after]).toContain(fromList);
      expect(Number(new URL(fromList).searchParams.get('expires')) % 3600).toBe(0);
    });

    it('are URLs in booking views too: GET /booking/:id, /booking/my-bookings and the admin list', async () => {
      const tour = await tourWithImage(33);
      const traveller = await verifiedTraveller(app, PHONE);
      const booked = await app.request('POST', `${API}/booking`, { token: traveller.token, body: { tour: tour.id, guestCount: 1 } });
      const bookingId = booked.body.data.booking._id;
      const views = [
        (await app.request('GET', `${API}/booking/${bookingId}`, { token: traveller.token })).body.data,
        (await app.request('GET', `${API}/booking/${bookingId}`, { token: admin.accessToken })).body.data,
        (await app.request('GET', `${API}/booking/my-bookings`, { token: traveller.token })).body.data[0],
        (await app.request('GET', `${API}/booking?tour=${tour.id}`, { token: admin.accessToken })).body.data[0],
      ];
      const tourImages = (await app.request('GET', `${API}/tour/${tour.slug}`)).body.data.images;
      for (const view of views) {
        expect(view.tour.images).toEqual(tourImages);
        const [stored, kept] = view.tour.images;
        expect(kept).toBe('https://cdn.example.com/kept.jpg');
        const image = await download(stored);
        expect([image.status, image.headers.get('content-type')]).toEqual([200, 'image/png']);
      }
    });
  });
});

describe('CLIENT_COMPAT=ph-tour over HTTP', () => {
  let app: TestApp;
  let admin: LoggedIn;
  const logLines: string[] = [];
  beforeAll(async () => {
    const logger = new PinoLogger(createPino('info', { write: (line: string) => void logLines.push(line) }));
    app = await startAppWithSuperAdmin({ CLIENT_COMPAT: 'ph-tour', FRONTEND_URL: 'http://front.test', PAYMENT_SUCCESS_REDIRECT_PATH: '/booking/thanks?from=gateway' }, { logger });
    admin = await loginSuperAdmin(app);
  });
  afterAll(() => app.stop());

  it('says at start-up which profile it runs and what that set', () => {
    const line = logLines.map((l) => JSON.parse(l)).find((l) => String(l.msg).startsWith('client profile ph-tour'));
    expect(line).toMatchObject({ expiredTokenStatus: 500, otpResendCooldownSeconds: 5, landingPaths: { success: '/booking/thanks?from=gateway', fail: '/payment/fail', cancel: '/payment/fail' } });
  });

  /** Books, presses a button on the sandbox checkout and follows our callback: where the front end is sent. */
  async function landingAfter(outcome: 'PAID' | 'FAILED' | 'CANCELLED'): Promise<URL> {
    const tour = await TourMother.insert(app.server.root.database);
    const traveller = await verifiedTraveller(app, PHONE);
    const { paymentUrl } = (await app.request('POST', `${API}/booking`, { token: traveller.token, body: { tour: tour.id, guestCount: 1 } })).body.data;
    const checkoutPath = (url: string) => new URL(url).pathname + new URL(url).search;
    const page = await app.request('GET', checkoutPath(paymentUrl));
    const action = /action="([^"]+)"/.exec(page.body)![1].replace(/&#x3D;/g, '=');
    const pressed = await app.request('POST', action, { body: `outcome=${outcome}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const callback = await app.request('GET', checkoutPath(pressed.headers.get('location')!));
    expect(callback.status).toBe(302);
    return new URL(callback.headers.get('location')!);
  }

  it('lands a cancel on the fail page, and each outcome on its configured path', async () => {
    const cancelled = await landingAfter('CANCELLED');
    expect([cancelled.origin, cancelled.pathname, cancelled.searchParams.get('status')]).toEqual(['http://front.test', '/payment/fail', 'CANCELLED']);
    const paid = await landingAfter('PAID');
    expect([paid.pathname, paid.searchParams.get('from'), paid.searchParams.get('status')]).toEqual(['/booking/thanks', 'gateway', 'PAID']);
    const failed = await landingAfter('FAILED');
    expect([failed.pathname, failed.searchParams.get('status')]).toEqual(['/payment/fail', 'FAILED']);
  });

  it('answers an expired access token with 500 "jwt expired"', async () => {
    const { config } = app.server.root;
    const anHourAgo = new FakeClock(new Date(Date.now() - 3_600_000));
    const sessionId = JSON.parse(Buffer.from(admin.accessToken.split('.')[1], 'base64url').toString('utf8')).sid;
    const { token } = new JwtAccessTokens(config.secrets.jwtAccess, 60_000, anHourAgo).issue({ userId: admin.id, email: admin.email, role: 'SUPER_ADMIN', sessionId });
    const response = await app.request('GET', `${API}/user/me`, { token });
    expect(response.body).toMatchObject({ statusCode: 500, message: 'jwt expired' });
    expect(response.status).toBe(500);
  });

  it('refuses a second code within 5 s (Retry-After at most 5), not for a minute', async () => {
    const email = `resend-${Date.now()}@example.com`;
    const registered = await app.request('POST', `${API}/user/register`, { body: { name: 'Resend Tester', email, password: 'Str0ng!pass' } });
    expect(registered.status).toBe(201);
    expect((await app.request('POST', `${API}/otp/send`, { body: { email } })).status).toBe(200);
    const again = await app.request('POST', `${API}/otp/send`, { body: { email } });
    expect(again.status).toBe(429);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(again.headers.get('retry-after'))).toBeLessThanOrEqual(5);
  });
});
