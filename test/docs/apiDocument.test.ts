import fs from 'node:fs';
import path from 'node:path';
import { ERROR_CATALOGUE, ERROR_KINDS } from '../../src/domain/shared/errorCatalogue';
import type { TestApp} from '../support/testApp';
import { startTestApp } from '../support/testApp';

const ROOT = path.resolve(__dirname, '../..');
const document = fs.readFileSync(path.join(ROOT, 'docs/API.md'), 'utf8');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const ALIAS_RULE = 'Every `/tour/...` path is also served as `/tours/...`';

/** `GET /tour/:slug`: the OpenAPI path without the prefix, `{x}` as `:x`, the `/tours` alias as `/tour`. */
const routeOf = (method: string, openApiPath: string) =>
  `${method.toUpperCase()} ${openApiPath.replace(/^\/api\/v1/, '').replace(/\{(\w+)\}/g, ':$1').replace(/^\/tours\b/, '/tour')}`;

/** Rows of the route tables: `| GET, POST | /payment/success, /payment/fail | ...` → one route per method and path. */
function documentedRoutes(): Set<string> {
  const routes = new Set<string>();
  for (const line of document.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 4 || cells[0] !== '') continue;
    const methods = cells[1].split(',').map((m) => m.trim());
    if (!methods.every((m) => METHODS.includes(m))) continue;
    for (const method of methods) for (const route of cells[2].split(',')) routes.add(`${method} ${route.trim()}`);
  }
  return routes;
}

describe('docs/API.md', () => {
  let app: TestApp;
  let served: Set<string>;

  beforeAll(async () => {
    // Google sign-in is configured so that its routes are mounted (discovery is lazy: nothing is fetched).
    app = await startTestApp({ GOOGLE_CLIENT_ID: 'docs-client', GOOGLE_CLIENT_SECRET: 'docs-secret', GOOGLE_ISSUER_URL: 'http://127.0.0.1:9' });
    const openApi = (await app.request('GET', '/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    served = new Set(Object.entries(openApi.paths).flatMap(([route, operations]) => Object.keys(operations).map((method) => routeOf(method, route))));
  });
  afterAll(() => app.stop());

  it('documents every route of the OpenAPI document, and states the /tours alias it relies on', () => {
    expect(served.size).toBeGreaterThan(50);
    expect(document).toContain(ALIAS_RULE);
    const documented = documentedRoutes();
    expect([...served].filter((route) => !documented.has(route))).toEqual([]);
  });

  it('lists no route the app does not serve', () => {
    expect([...documentedRoutes()].filter((route) => !served.has(route))).toEqual([]);
  });

  it('is what the README points at, and describes the legacy client profile', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('](docs/API.md)');
    for (const text of [document, readme]) {
      for (const variable of ['CLIENT_COMPAT=ph-tour', 'LEGACY_EXPIRED_TOKEN_STATUS', 'OTP_RESEND_COOLDOWN_SECONDS', 'PAYMENT_CANCEL_REDIRECT_PATH']) {
        expect({ variable, mentioned: text.includes(variable) }).toEqual({ variable, mentioned: true });
      }
    }
  });

  it('lists every code of the error catalogue in a row of "Error codes" with the status its kind is answered with', () => {
    const section = document.slice(document.indexOf('### Error codes'), document.indexOf('## Existing front ends'));
    const rows = section.split('\n').filter((line) => line.startsWith('| `'));
    const listed = ERROR_CATALOGUE.map(({ code }) => {
      const row = rows.find((line) => line.split('|')[1].includes(`\`${code}\``));
      return { code, status: row ? Number(row.split('|')[2].trim().split(' ')[0]) : 'not listed' };
    });
    expect(listed).toEqual(ERROR_CATALOGUE.map(({ code, kind }) => ({ code, status: ERROR_KINDS[kind].status })));
  });
});
