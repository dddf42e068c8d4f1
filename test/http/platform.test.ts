import { API_PREFIX } from '../../src/interfaces/http/mountRoutes';
import { asList } from '../../src/interfaces/http/route';
import type { TestApp} from '../support/testApp';
import { startTestApp } from '../support/testApp';

const FRONTEND = 'http://frontend.example.com:5173';

describe('platform over HTTP', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ FRONTEND_URL: FRONTEND });
  });
  afterAll(() => app.stop());

  describe('X-Request-Id', () => {
    it('echoes a sane id the client sent, in the header and the error envelope', async () => {
      const response = await app.request('GET', '/api/v1/nope', { headers: { 'x-request-id': 'client-req.42' } });
      expect(response.headers.get('x-request-id')).toBe('client-req.42');
      expect(response.body.requestId).toBe('client-req.42');
    });

    it('makes one up when none or a malformed one was sent', async () => {
      const plain = await app.request('GET', '/ready');
      expect(plain.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      const hostile = await app.request('GET', '/ready', { headers: { 'x-request-id': 'bad id\twith spaces' } });
      expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect((await app.request('GET', '/ready')).headers.get('x-request-id')).not.toBe(plain.headers.get('x-request-id'));
    });
  });

  describe('error envelope', () => {
    it('answers malformed JSON with 400, never 500', async () => {
      const response = await app.request('POST', '/api/v1/auth/login', { body: '{"email": "a@b.com", ' });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ success: false, statusCode: 400, errorSources: [expect.objectContaining({ path: 'body' })], requestId: expect.any(String) });
    });

    it('answers an oversized body with 400', async () => {
      const response = await app.request('POST', '/api/v1/auth/login', { body: { email: 'a@b.com', password: 'x'.repeat(2 * 1024 * 1024) } });
      expect(response.status).toBe(400);
      expect(response.body.success).toBe(false);
    });

    it('answers an unknown route with the 404 envelope', async () => {
      const response = await app.request('GET', '/api/v1/no/such/route');
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ success: false, statusCode: 404, message: expect.stringContaining('/api/v1/no/such/route'), requestId: expect.any(String) });
    });

    it('answers a known path with the wrong method 405 in the envelope, keeping Allow', async () => {
      const response = await app.request('DELETE', '/api/v1/auth/login');
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toContain('POST');
      expect(response.body).toMatchObject({ success: false, statusCode: 405, requestId: expect.any(String) });
    });

    it('carries no stack trace', async () => {
      const response = await app.request('POST', '/api/v1/auth/login', { body: '{' });
      expect(JSON.stringify(response.body)).not.toMatch(/\bat .*\.(ts|js):\d+/);
    });
  });

  describe('CORS', () => {
    it('allows FRONTEND_URL with credentials on requests and preflights, never *', async () => {
      const simple = await app.request('GET', '/api/v1/tour', { headers: { origin: FRONTEND } });
      expect(simple.headers.get('access-control-allow-origin')).toBe(FRONTEND);
      expect(simple.headers.get('access-control-allow-credentials')).toBe('true');
      expect(simple.headers.get('access-control-expose-headers')).toContain('X-Request-Id');

      const preflight = await app.request('OPTIONS', '/api/v1/auth/login', {
        headers: { origin: FRONTEND, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      expect(preflight.status).toBeLessThan(300);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(FRONTEND);
      expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');

      const stranger = await app.request('GET', '/api/v1/tour', { headers: { origin: 'https://evil.example.net' } });
      expect(stranger.headers.get('access-control-allow-origin')).not.toBe('*');
      expect(stranger.headers.get('access-control-allow-origin')).not.toBe('https://evil.example.net');
    });

    it('keeps the CORS headers on error responses', async () => {
      const response = await app.request('GET', '/api/v1/user/me', { headers: { origin: FRONTEND } });
      expect(response.status).toBe(401);
      expect(response.headers.get('access-control-allow-origin')).toBe(FRONTEND);
    });
  });

  it('sets the helmet security headers', async () => {
    const response = await app.request('GET', '/api/v1/tour');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('strict-transport-security')).toContain('max-age=');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  describe('operations', () => {
    it('GET /health and /ready answer 200', async () => {
      const health = await app.request('GET', '/health');
      expect(health.status).toBe(200);
      expect(health.body.data.status).toBe('ok');
      // Answered ahead of the middleware chain: the two headers it sets, none of the chain's.
      expect(health.headers.get('cache-control')).toBe('no-store');
      expect(health.headers.get('x-content-type-options')).toBe('nosniff');
      expect(health.headers.get('x-request-id')).toBeNull();
      expect((await app.request('POST', '/health')).status).toBe(404);
      const ready = await app.request('GET', '/ready');
      expect(ready.status).toBe(200);
      expect(ready.body.data.checks).toContain('database');
    });

    it('/openapi.json documents every mounted route, and nothing that is not mounted', async () => {
      const response = await app.request('GET', '/openapi.json');
      expect(response.status).toBe(200);
      expect(response.body.openapi).toMatch(/^3\./);
      const documented = Object.entries(response.body.paths as Record<string, Record<string, unknown>>)
        .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`))
        .sort();
      const mounted = app.server.http.routes
        .flatMap((route) => asList(route.path).flatMap((path) => asList(route.method).map((method) => `${method.toUpperCase()} ${API_PREFIX}${path.replace(/:(\w+)/g, '{$1}')}`)))
        .sort();
      expect(mounted.length).toBeGreaterThan(10);
      expect(documented).toEqual([...new Set(mounted)].sort());
      for (const known of ['POST /api/v1/auth/login', 'GET /api/v1/user/all-users', 'PATCH /api/v1/user/{id}', 'PATCH /api/v1/auth/change-password']) {
        expect(documented).toContain(known);
      }
    });

    it('documents the list query parameters and request bodies from the joi schemas', async () => {
      const { body } = await app.request('GET', '/openapi.json');
      const list = body.paths['/api/v1/user/all-users'].get;
      expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['searchTerm', 'sort', 'fields', 'page', 'limit', 'role', '_id']));
      const registerBody = body.paths['/api/v1/user/register'].post.requestBody.content['application/json'].schema;
      expect(registerBody.required).toEqual(expect.arrayContaining(['name', 'email', 'password']));
    });

    it('/docs serves the UI page and its assets', async () => {
      const page = await app.request('GET', '/docs');
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.body).toContain('swagger-ui-bundle.js');
      const bundle = await fetch(`${app.url}/docs/assets/swagger-ui-bundle.js`);
      expect(bundle.status).toBe(200);
      await bundle.arrayBuffer();
      expect((await app.request('GET', '/docs/assets/..%2Fpackage.json')).status).toBe(404);
    });
  });
});
