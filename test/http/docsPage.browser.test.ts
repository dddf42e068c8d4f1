import type { TestBrowser } from '../support/browser';
import { launchTestBrowser } from '../support/browser';
import { describeIf, realService } from '../support/services';
import type { TestApp } from '../support/testApp';
import { PRODUCTION_ENV, startTestApp } from '../support/testApp';

/**
 * The API's own documentation page as an operator opens it, under the production security headers
 * (a Content-Security-Policy that allows scripts from the API's origin only): every operation of
 * /openapi.json is rendered, and the page asks the server for nothing it cannot serve.
 */
describeIf(realService('chrome'), '/docs in a real browser', () => {
  let app: TestApp;
  let chromium: TestBrowser;

  beforeAll(async () => {
    app = await startTestApp(PRODUCTION_ENV);
    chromium = await launchTestBrowser();
  }, 60_000);

  afterAll(async () => {
    await chromium?.close();
    await app?.stop();
  });

  it('renders every documented operation, with no failed request and no console error', async () => {
    const { body: spec } = await app.request('GET', '/openapi.json');
    const operations = Object.values(spec.paths as Record<string, Record<string, unknown>>).reduce((n, path) => n + Object.keys(path).length, 0);
    const page = await chromium.browser.newPage();
    const failures: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
    });
    page.on('requestfailed', (request) => failures.push(`failed ${request.url()}: ${request.failure()?.errorText}`));
    page.on('console', (message) => {
      if (message.type() === 'error') failures.push(`console: ${message.text()}`);
    });

    await page.goto(`${app.url}/docs`, { waitUntil: 'networkidle0' });
    await page.waitForFunction((n) => (globalThis as any).document.querySelectorAll('.opblock').length === n, { timeout: 20_000 }, operations);

    expect(operations).toBeGreaterThan(50);
    expect(failures).toEqual([]);
    await page.close();
  }, 60_000);
});
