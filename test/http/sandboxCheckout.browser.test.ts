import { TourMother } from '../mothers/TourMother';
import type { TestBrowser} from '../support/browser';
import { launchTestBrowser } from '../support/browser';
import { describeIf, realService } from '../support/services';
import { freePort } from '../support/freePort';
import type { TestApp} from '../support/testApp';
import { startTestApp } from '../support/testApp';
import { startFrontend } from '../support/frontend';
import { verifiedTraveller } from '../support/travellers';


describeIf(realService('chrome'), 'sandbox checkout in a real browser', () => {
  let app: TestApp;
  let chromium: TestBrowser;
  let frontend: Awaited<ReturnType<typeof startFrontend>>;
  let port: number;

  beforeAll(async () => {
    frontend = await startFrontend();
    port = await freePort();
    // PORT alone, as `PORT=5600 npm start` would: PUBLIC_URL, which paymentUrl is built on, follows it.
    app = await startTestApp({ PORT: String(port), FRONTEND_URL: frontend.url });
    chromium = await launchTestBrowser();
  }, 60_000);

  afterAll(async () => {
    await chromium?.close();
    await app?.stop();
    await frontend?.stop();
  });

  test('book by API, open paymentUrl, click Pay, land on FRONTEND_URL/payment/success; the payment is PAID', async () => {
    const tour = await TourMother.insert(app.server.root.database, { price: 8_000, maxGuest: 5 });
    const user = await verifiedTraveller(app, { phone: '01712345678', address: 'Banani, Dhaka' });
    const created = await app.request('POST', '/api/v1/booking', { token: user.token, body: { tour: tour.id, guestCount: 2 } });
    expect(created.status).toBe(201);
    const { payment, paymentUrl } = created.body.data;
    expect(new URL(paymentUrl).origin).toBe(`http://localhost:${port}`);

    const page = await chromium.browser.newPage();
    await page.goto(paymentUrl, { waitUntil: 'load' });
    expect(await page.$eval('#amount', (el) => el.textContent)).toBe('16,000.00 BDT');
    const labels = await page.$$eval('button', (els) => els.map((el) => el.textContent?.trim()));
    expect(labels).toEqual(['Pay', 'Fail', 'Cancel']);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('button[value="PAID"]')]);

    const landed = new URL(page.url());
    expect(landed.origin + landed.pathname).toBe(`${frontend.url}/payment/success`);
    expect(landed.searchParams.get('transactionId')).toBe(payment.transactionId);
    expect(landed.searchParams.get('status')).toBe('PAID');
    expect(landed.searchParams.get('amount')).toBe('16000.00');
    expect(frontend.hits.filter((h) => h.startsWith('/payment/'))).toHaveLength(1);
    await page.close();

    const paid = await app.request('GET', `/api/v1/payment/${payment.id}`, { token: user.token });
    expect(paid.body.data.status).toBe('PAID');
  });
});
