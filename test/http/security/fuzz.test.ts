import { gzipSync } from 'node:zlib';
import jwt from 'jsonwebtoken';
import { loginSuperAdmin, startAppWithSuperAdmin } from '../../support/accounts';
import type { TestApp } from '../../support/testApp';

/** A small seeded generator (mulberry32): the same run every time, so a failure reproduces. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  return { next, pick };
}

const ODD_STRINGS = ['', ' ', 'x', '0', '-1', '1e309', 'NaN', 'null', 'true', '[]', '{}', '%', '%ZZ', '..%2F..%2Fetc%2Fpasswd', '\u0000', 'é漢字🚀', "'; DROP TABLE users; --", 'a'.repeat(5000), '<script>alert(1)</script>', '$ne', '__proto__'];
const ODD_VALUES: unknown[] = [null, true, 0, -1, 1.5, 1e308, 'x', '', [], {}, [1, 'a', null], { $gt: '' }, { __proto__: { admin: true } }, 'a'.repeat(10_000)];

interface Attempt {
  label: string;
  path?: string;
  query?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** Malformed bodies, encodings, query strings and headers, fixed ones first, then random mixtures. */
function attempts(random: ReturnType<typeof generator>, admin: string, count: number): Attempt[] {
  const json = { 'content-type': 'application/json' };
  const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
  const fixed: Attempt[] = [
    { label: 'truncated JSON', headers: json, body: '{"email": "a@b.c", "password":' },
    { label: 'JSON array', headers: json, body: '[1,2,3]' },
    { label: 'JSON null', headers: json, body: 'null' },
    { label: 'JSON string', headers: json, body: '"just a string"' },
    { label: 'deeply nested JSON', headers: json, body: deep },
    { label: 'prototype pollution', headers: json, body: '{"__proto__":{"role":"SUPER_ADMIN"},"constructor":{"prototype":{"x":1}}}' },
    { label: 'gzip that is not gzip', headers: { ...json, 'content-encoding': 'gzip' }, body: '{"a":1}' },
    { label: 'deflate that is not deflate', headers: { ...json, 'content-encoding': 'deflate' }, body: '{"a":1}' },
    { label: 'brotli that is not brotli', headers: { ...json, 'content-encoding': 'br' }, body: '{"a":1}' },
    { label: 'unknown encoding', headers: { ...json, 'content-encoding': 'x-unknown' }, body: '{"a":1}' },
    { label: 'gzip bomb-ish', headers: { ...json, 'content-encoding': 'gzip' }, body: gzipSync(Buffer.alloc(3 * 1024 * 1024, 0x20)) },
    { label: 'text/plain', headers: { 'content-type': 'text/plain' }, body: '{"a":1}' },
    { label: 'xml', headers: { 'content-type': 'application/xml' }, body: '<a/>' },
    { label: 'urlencoded nesting', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a[b][c][d][e]=1&a=2&__proto__[x]=1&data=%7B' },
    { label: 'multipart without boundary', headers: { 'content-type': 'multipart/form-data' }, body: '--x\r\n' },
    { label: 'broken multipart', headers: { 'content-type': 'multipart/form-data; boundary=zz' }, body: '--zz\r\nContent-Disposition: form-data; name="data"\r\n\r\n{not json\r\n--zz' },
    { label: 'odd query', query: 'page=-1&limit=abc&sort=%ZZ&fields[]=x&searchTerm[$ne]=1&_id[]=1&page=2' },
    { label: 'huge query', query: `searchTerm=${'y'.repeat(8000)}&sort=${'-'.repeat(300)}` },
    { label: 'garbage bearer', headers: { authorization: 'Bearer a.b.c' } },
    { label: 'bare Bearer', headers: { authorization: 'Bearer' } },
    { label: 'alg none', headers: { authorization: `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"x","role":"SUPER_ADMIN","sid":"s","exp":9999999999}').toString('base64url')}.` } },
    { label: 'foreign signature', headers: { authorization: `Bearer ${jwt.sign({ sub: 'x', role: 'SUPER_ADMIN', sid: 's' }, 'not-our-secret-not-our-secret-000', { expiresIn: 60 })}` } },
    { label: 'junk cookies', headers: { cookie: 'accessToken=%%%; refreshToken=; accessToken=x', origin: 'null' } },
    { label: 'odd request id', headers: { 'x-request-id': 'x'.repeat(5000) } },
    { label: 'admin with odd JSON', headers: { ...json, authorization: `Bearer ${admin}` }, body: JSON.stringify({ title: ['x'], costFrom: 'NaN', maxGuest: -5, division: {}, status: 'LOST', email: 7 }) },
  ];
  const mixed: Attempt[] = Array.from({ length: count }, (_, i) => {
    const body: Record<string, unknown> = {};
    for (let k = 0; k < 4; k++) body[random.pick(['email', 'password', 'name', 'tour', 'guestCount', 'status', 'title', 'costFrom', 'data', 'token', 'id', 'otp', 'role', 'isActive', random.pick(ODD_STRINGS)])] = random.pick(ODD_VALUES);
    const headers: Record<string, string> = { 'content-type': random.pick(['application/json', 'application/json; charset=latin1', 'application/vnd.api+json']) };
    if (random.next() < 0.6) headers.authorization = `Bearer ${admin}`;
    return {
      label: `random #${i}`,
      headers,
      body: JSON.stringify(body),
      query: `${random.pick(['page', 'limit', 'sort', 'fields', 'searchTerm', 'status', '_id', 'minCost'])}=${encodeURIComponent(random.pick(ODD_STRINGS))}`,
    };
  });
  return [...fixed, ...mixed];
}

/** Every route of the OpenAPI document, with its `{param}`s filled by odd values. */
function operations(document: { paths: Record<string, Record<string, unknown>> }, random: ReturnType<typeof generator>): { method: string; path: string }[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path: path.replace(/\{\w+\}/g, () => encodeURIComponent(random.pick(ODD_STRINGS.filter(Boolean)))) })),
  );
}

/** Throws malformed input at every route in /openapi.json and expects no 5xx, ever. */
describe('every route, odd input: never a 5xx', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startAppWithSuperAdmin();
  });
  afterAll(() => app.stop());

  it('answers every malformed request with a 4xx (or success), not a server error', async () => {
    const random = generator(20261201);
    const document = (await app.request('GET', '/openapi.json')).body;
    const routes = operations(document, random);
    expect(routes.length).toBeGreaterThan(40);
    const failures: string[] = [];
    for (const route of routes) {
      // a fresh admin session per route: logout and password routes may end the previous one
      const admin = (await loginSuperAdmin(app)).accessToken;
      for (const attempt of attempts(random, admin, 4)) {
        const path = `${route.path}${attempt.query ? `?${attempt.query}` : ''}`;
        const hasBody = attempt.body !== undefined && !['GET', 'HEAD'].includes(route.method);
        const response = await fetch(`${app.url}${path}`, { method: route.method, headers: attempt.headers, body: hasBody ? attempt.body : undefined, redirect: 'manual' });
        await response.arrayBuffer();
        if (response.status >= 500) failures.push(`${route.method} ${route.path} [${attempt.label}] → ${response.status}`);
      }
    }
    expect(failures).toEqual([]);
  }, 240_000);
});
