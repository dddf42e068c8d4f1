import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'puppeteer-core';
import puppeteer from 'puppeteer-core';
import { TourMother } from '../../mothers/TourMother';
import type { LoggedIn} from '../../support/accounts';
import { loginSuperAdmin, startAppWithSuperAdmin, verifiedUser } from '../../support/accounts';
import { describeIf, realService } from '../../support/services';
import { freePort } from '../../support/freePort';
import type { TestApp } from '../../support/testApp';
import { PRODUCTION_ENV } from '../../support/testApp';

/** Pages served from a made-up site (the browser resolves *.test to this machine): the front end, or an attacker. */
async function startSite(pages: Record<string, string>): Promise<{ port: number; stop(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    res.writeHead(pages[req.url ?? ''] ? 200 : 404, { 'content-type': 'text/html' });
    res.end(pages[req.url ?? ''] ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, stop: () => new Promise((r) => server.close(() => r())) };
}


/**
 * A real cross-site deployment in Chromium, as the attack was made: the API on api.tourdesk.test and
 * the front end on app.tourdesk.test (another host, so the session cookies are SameSite=None; Secure),
 * and an attacker's page on evil.test that the logged-in victim opens. The attacker's auto-submitted form and credentialed fetch must change nothing;
 * the front end's own requests must keep working.
 */
describeIf(realService('chrome'), 'CSRF in a real browser', () => {
  let app: TestApp;
  let browser: Browser;
  let frontend: Awaited<ReturnType<typeof startSite>>;
  let attacker: Awaited<ReturnType<typeof startSite>>;
  let api: string;
  let front: string;
  let admin: LoggedIn;
  let tourId: string;
  const sites: Record<string, string> = {};

  beforeAll(async () => {
    const port = await freePort();
    api = `http://api.tourdesk.test:${port}`;
    frontend = await startSite(sites);
    attacker = await startSite(sites);
    front = `http://app.tourdesk.test:${frontend.port}`;
    app = await startAppWithSuperAdmin({ ...PRODUCTION_ENV, PORT: String(port), PUBLIC_URL: api, FRONTEND_URL: front });
    admin = await loginSuperAdmin(app);
    tourId = (await TourMother.insert(app.server.root.database, { price: 5_000, maxGuest: 20 })).id;
    browser = await puppeteer.launch({
      executablePath: realService('chrome')!,
      args: [
        '--no-sandbox', '--headless=new', '--disable-gpu', '--no-first-run', '--host-resolver-rules=MAP *.test 127.0.0.1',
        // Secure cookies over plain http, as they would travel over https in production
        `--unsafely-treat-insecure-origin-as-secure=${api},${front}`,
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await frontend?.stop();
    await attacker?.stop();
  });

  /** A browser session of `victim`: the cookies the API set at login, as the browser would hold them. */
  async function victimPage(victim: LoggedIn): Promise<Page> {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    const cookies = Object.entries(victim.cookies).map(([name, value]) => ({ name, value, domain: new URL(api).hostname, path: '/', httpOnly: true, secure: true, sameSite: 'None' as const }));
    await context.setCookie(...cookies);
    return page;
  }

  /** Opens the attacker's page and answers what the API said to the form it submitted. */
  async function formAnswer(page: Page, bait: string, target: string): Promise<{ status: number; body: any }> {
    const posted = page.waitForResponse((r) => r.url() === target && r.request().method() === 'POST' && r.request().resourceType() === 'document');
    await page.goto(bait);
    const response = await posted;
    return { status: response.status(), body: await response.json() };
  }

  const bookingsOf = async (userId: string) =>
    (await app.request('GET', `/api/v1/booking?user=${userId}`, { token: admin.accessToken })).body.data.length as number;
  const toursTitled = async (title: string) =>
    (await app.request('GET', `/api/v1/tour?searchTerm=${encodeURIComponent(title)}`)).body.data.length as number;

  test('the session cookies are SameSite=None; Secure: they do cross sites, so the server must refuse', async () => {
    const victim = await verifiedUser(app, admin, {}, { phone: '01712345678', address: 'Gulshan, Dhaka' });
    const set = victim.response.setCookie.join('\n');
    expect(set).toMatch(/accessToken=.*SameSite=None/i);
    expect(set).toMatch(/accessToken=.*Secure/i);
  });

  test("an attacker's auto-submitted form and credentialed fetch book nothing for the victim", async () => {
    const victim = await verifiedUser(app, admin, {}, { phone: '01712345678', address: 'Gulshan, Dhaka' });
    sites['/win-a-trip'] = `<!doctype html><form id=f method=POST action="${api}/api/v1/booking">
      <input name=tour value="${tourId}"><input name=guestCount value=2></form>
      <script>
        fetch('${api}/api/v1/booking', { method: 'POST', credentials: 'include', mode: 'no-cors', headers: { 'content-type': 'text/plain' },
          body: JSON.stringify({ tour: '${tourId}', guestCount: 3 }) })
          .finally(() => document.getElementById('f').submit());
      </script>`;
    const answer = await formAnswer(await victimPage(victim), `http://evil.test:${attacker.port}/win-a-trip`, `${api}/api/v1/booking`);
    expect([answer.status, answer.body.code]).toEqual([403, 'AUTH.CROSS_SITE_REQUEST']);
    expect(await bookingsOf(victim.id)).toBe(0);

    sites['/front'] = '<!doctype html><title>front end</title>';
    const frontPage = await victimPage(victim);
    await frontPage.goto(`${front}/front`);
    const status = await frontPage.evaluate(async (url, tour) => {
      const response = await fetch(url, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tour, guestCount: 1 }) });
      return response.status;
    }, `${api}/api/v1/booking`, tourId);
    expect(status).toBe(201);
    expect(await bookingsOf(victim.id)).toBe(1);
  });

  test("an admin victim's cookies cannot create a tour from an attacker's form carrying JSON in `data`", async () => {
    const adminVictim = await verifiedUser(app, admin, { role: 'ADMIN' });
    const title = `Phishing Cruise ${Date.now()}`;
    const data = JSON.stringify({ title, costFrom: 1000, maxGuest: 5, division: 'x', tourType: 'y' }).replace(/"/g, '&quot;');
    sites['/admin-bait'] = `<!doctype html><form id=f method=POST enctype="multipart/form-data" action="${api}/api/v1/tour/create">
      <input name=data value="${data}"></form><script>document.getElementById('f').submit()</script>`;
    const answer = await formAnswer(await victimPage(adminVictim), `http://evil.test:${attacker.port}/admin-bait`, `${api}/api/v1/tour/create`);
    expect([answer.status, answer.body.code]).toEqual([403, 'AUTH.CROSS_SITE_REQUEST']);
    expect(await toursTitled(title)).toBe(0);
  });
});
