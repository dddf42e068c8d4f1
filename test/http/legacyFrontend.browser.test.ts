import type { Page } from 'puppeteer-core';
import { ImageMother } from '../mothers/ImageMother';
import { TourMother } from '../mothers/TourMother';
import type { TestBrowser} from '../support/browser';
import { launchTestBrowser } from '../support/browser';
import { describeIf, realService } from '../support/services';
import { freePort } from '../support/freePort';
import type { StandInFrontend} from '../support/frontend';
import { startFrontend } from '../support/frontend';
import type { TestApp} from '../support/testApp';
import { startTestApp } from '../support/testApp';
import { verifiedTraveller } from '../support/travellers';

/**
 * A front end written for the original tour API, reduced to what it does over the wire: a page on
 * FRONTEND_URL that calls the API with `fetch(..., { credentials: 'include' })` and no token of its
 * own, shows tour images from the API's URLs, sends the traveller to `paymentUrl`, and has pages for
 * `/payment/success` and `/payment/fail` only (no `/payment/cancel`, hence CLIENT_COMPAT=ph-tour).
 */
const page = (apiUrl: string, body: string) => `<!doctype html><meta charset="utf-8"><title>Tours</title>
${body}
<script>
  window.api = async (method, path, body) => {
    const response = await fetch('${apiUrl}/api/v1' + path, {
      method, credentials: 'include',
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, body: await response.json() };
  };
  window.showImage = (src) => new Promise((resolve) => {
    const img = document.createElement('img');
    img.onload = () => resolve(img.naturalWidth);
    img.onerror = () => resolve(0);
    img.src = src;
    document.body.append(img);
  });
</script>`;

const legacyPages = (apiUrl: string) => ({
  '/': page(apiUrl, '<h1>Tours</h1>'),
  '/payment/success': page(apiUrl, '<h1>Payment successful</h1>'),
  '/payment/fail': page(apiUrl, '<h1>Payment failed</h1>'),
});

const pairings = [
  {
    name: 'another site (front end on localhost, API on 127.0.0.1): SameSite=None cookies, in a browser that allows third-party cookies',
    frontendHost: 'localhost' as const, sameSite: 'None', allowThirdPartyCookies: true,
  },
  {
    name: 'the same site on another port (both on 127.0.0.1): SameSite=Lax cookies, the browser as shipped',
    frontendHost: '127.0.0.1' as const, sameSite: 'Lax', allowThirdPartyCookies: false,
  },
];

describeIf(realService('chrome'), 'an existing front end on another origin, in a real browser', () => {
  describe.each(pairings)('$name', ({ frontendHost, sameSite, allowThirdPartyCookies }) => {
    let app: TestApp;
    let apiUrl: string;
    let frontend: StandInFrontend;
    let chromium: TestBrowser;

    beforeAll(async () => {
      const port = await freePort();
      apiUrl = `http://127.0.0.1:${port}`;
      frontend = await startFrontend({ hostname: frontendHost, pages: legacyPages(apiUrl) });
      app = await startTestApp({ PORT: String(port), PUBLIC_URL: apiUrl, FRONTEND_URL: frontend.url, CLIENT_COMPAT: 'ph-tour' });
      chromium = await launchTestBrowser({ allowThirdPartyCookies });
    }, 60_000);

    afterAll(async () => {
      await chromium?.close();
      await app?.stop();
      await frontend?.stop();
    });

    const call = (tab: Page, method: string, route: string, body?: unknown) =>
      tab.evaluate((m, r, b) => (globalThis as any).api(m, r, b), method, route, body) as Promise<{ status: number; body: any }>;

    /** Follows `paymentUrl` as the front end does, presses a button on the checkout, and returns where the browser landed. */
    const checkout = async (tab: Page, paymentUrl: string, outcome: 'PAID' | 'CANCELLED') => {
      await Promise.all([tab.waitForNavigation({ waitUntil: 'load' }), tab.evaluate((url) => void ((globalThis as any).location.href = url), paymentUrl)]);
      expect(new URL(tab.url()).origin).toBe(apiUrl);
      await Promise.all([tab.waitForNavigation({ waitUntil: 'load' }), tab.click(`button[value="${outcome}"]`)]);
      return { url: new URL(tab.url()), heading: await tab.$eval('h1', (h) => h.textContent) };
    };

    test('log in by cookie, list tours, show an image, book, pay, cancel, log out', async () => {
      const storage = app.server.root.ports.objectStorage;
      await storage.put('tours/legacy-front.png', ImageMother.png(7), 'image/png');
      const tour = await TourMother.insert(app.server.root.database, { price: 4_500, maxGuest: 8, images: ['tours/legacy-front.png'] });
      const traveller = await verifiedTraveller(app, { phone: '01712345678', address: 'Uttara, Dhaka' });

      const tab = await chromium.browser.newPage();
      await tab.goto(`${frontend.url}/`, { waitUntil: 'load' });

      const login = await call(tab, 'POST', '/auth/login', { email: traveller.email, password: traveller.password });
      expect(login.status).toBe(200);
      const cookies = await tab.browserContext().cookies();
      expect(cookies.filter((c) => c.domain === '127.0.0.1').map((c) => [c.name, c.sameSite]).sort()).toEqual([['accessToken', sameSite], ['refreshToken', sameSite]]);
      const me = await call(tab, 'GET', '/user/me');
      expect([me.status, me.body.data.email]).toEqual([200, traveller.email]);

      const types = await call(tab, 'GET', '/tours/tour-types?limit=1000&fields=_id,name');
      expect([types.status, types.body.data.meta.limit]).toEqual([200, 100]);
      const tours = await call(tab, 'GET', `/tour?_id=${tour.id}&limit=1000`);
      expect([tours.status, tours.body.meta.limit]).toEqual([200, 100]);
      const [shown] = tours.body.data;
      expect(shown.images[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\/tours\/legacy-front\.png\?/);
      expect(await tab.evaluate((src) => (globalThis as any).showImage(src), shown.images[0])).toBe(24);

      const paid = await call(tab, 'POST', '/booking', { tour: tour.id, guestCount: 2 });
      expect(paid.status).toBe(201);
      const success = await checkout(tab, paid.body.data.paymentUrl, 'PAID');
      expect([success.url.origin + success.url.pathname, success.heading]).toEqual([`${frontend.url}/payment/success`, 'Payment successful']);
      expect([success.url.searchParams.get('transactionId'), success.url.searchParams.get('status')]).toEqual([paid.body.data.payment.transactionId, 'PAID']);

      await tab.goto(`${frontend.url}/`, { waitUntil: 'load' });
      const cancelled = await call(tab, 'POST', '/booking', { tour: tour.id, guestCount: 1 });
      expect(cancelled.status).toBe(201);
      const fail = await checkout(tab, cancelled.body.data.paymentUrl, 'CANCELLED');
      expect([fail.url.origin + fail.url.pathname, fail.heading]).toEqual([`${frontend.url}/payment/fail`, 'Payment failed']);
      expect(fail.url.searchParams.get('status')).toBe('CANCELLED');

      const mine = await call(tab, 'GET', '/booking/my-bookings?limit=1000&sort=createdAt');
      expect(mine.body.data.map((b: any) => [b.status, b.payment.status])).toEqual([['COMPLETE', 'PAID'], ['CANCEL', 'CANCELLED']]);
      expect(await tab.evaluate((src) => (globalThis as any).showImage(src), mine.body.data[0].tour.images[0])).toBe(24);

      const logout = await call(tab, 'POST', '/auth/logout');
      expect(logout.status).toBe(200);
      expect((await call(tab, 'GET', '/user/me')).status).toBe(401);
      expect((await tab.browserContext().cookies()).filter((c) => c.domain === '127.0.0.1')).toEqual([]);
      expect(frontend.hits.filter((h) => h.startsWith('/payment/')).map((h) => h.split('?')[0])).toEqual(['/payment/success', '/payment/fail']);
      await tab.close();
    }, 60_000);
  });
});
