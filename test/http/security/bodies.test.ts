import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ImageMother } from '../../mothers/ImageMother';
import type { LoggedIn} from '../../support/accounts';
import { loginSuperAdmin, startAppWithSuperAdmin, verifiedUser } from '../../support/accounts';
import type { TestApp } from '../../support/testApp';

const API = '/api/v1';

function files(field: string, count: number, data: unknown = { email: 'someone@example.com' }): FormData {
  const body = new FormData();
  body.append('data', JSON.stringify(data));
  for (let i = 0; i < count; i++) body.append(field, new Blob([ImageMother.png(i + 1)], { type: 'image/png' }), `photo-${i}.png`);
  return body;
}

/** Files under a directory, recursively. */
function filesIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesIn(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('bodies are read only where they belong', () => {
  let app: TestApp;
  let admin: LoggedIn;
  let user: LoggedIn;

  beforeAll(async () => {
    app = await startAppWithSuperAdmin();
    admin = await loginSuperAdmin(app);
    user = await verifiedUser(app, admin);
  });
  afterAll(() => app.stop());

  it('multipart on a route that takes no files is a 415, however many files it carries', async () => {
    const response = await app.request('POST', `${API}/otp/send`, { form: files('files', 30) });
    expect([response.status, response.body.code]).toEqual([415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE']);
  });

  it('JSON routes refuse the content types a cross-site form can send', async () => {
    const json = JSON.stringify({ tour: 'x', guestCount: 1 });
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
      const response = await app.request('POST', `${API}/booking`, { token: user.accessToken, body: type.startsWith('application/x') ? 'tour=x&guestCount=1' : json, headers: { 'content-type': type } });
      expect({ type, status: response.status }).toEqual({ type, status: 415 });
    }
  });

  it('the payment gateway may still post urlencoded forms to its callbacks', async () => {
    const response = await app.request('POST', `${API}/payment/fail`, { body: 'tran_id=nope&status=FAILED', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(response.status).toBe(302);
  });

  it('a file route takes at most its count: 2 pictures on PATCH /user/:id is a 400 naming the field', async () => {
    const response = await app.request('PATCH', `${API}/user/${user.id}`, { token: user.accessToken, form: files('file', 2) });
    expect([response.status, response.body.errorSources[0].path]).toEqual([400, 'file']);
  });

  it('keeps uploads working where they belong: one picture on PATCH /user/:id', async () => {
    const response = await app.request('PATCH', `${API}/user/${user.id}`, { token: user.accessToken, form: files('file', 1, { name: 'Pictured Person' }) });
    expect(response.status).toBe(200);
    expect(response.body.data.picture).toBeTruthy();
  });

  it('an upload from an unauthenticated caller is answered 401 before its body is read, and nothing reaches the disk', async () => {
    const before = filesIn(path.join(app.varDir, 'uploads')).length;
    const boundary = 'xBoundary';
    const url = new URL(`${app.url}${API}/tour/create`);
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(40 * 1024 * 1024),
      } });
      request.on('response', (response) => {
        resolve(response.statusCode ?? 0);
        request.destroy();
      });
      request.on('error', reject);
      // The head of a 40 MB upload; the rest never comes unless the server waits for it.
      request.write(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="big.png"\r\nContent-Type: image/png\r\n\r\n`);
      request.write(Buffer.alloc(256 * 1024, 1));
    });
    expect(status).toBe(401);
    const after = filesIn(path.join(app.varDir, 'uploads')).length;
    expect(after).toBe(before);
  });

  it('an upload to a route that does not exist is a 404 without reading it', async () => {
    const response = await app.request('POST', `${API}/no-such-route`, { form: files('files', 3) });
    expect(response.status).toBe(404);
  });
});

describe('no 500s for odd input', () => {
  let app: TestApp;
  let user: LoggedIn;

  beforeAll(async () => {
    app = await startAppWithSuperAdmin();
    user = await verifiedUser(app, await loginSuperAdmin(app));
  });
  afterAll(() => app.stop());

  it('GET /booking/my-bookings?searchTerm=x searches the tour titles', async () => {
    const response = await app.request('GET', `${API}/booking/my-bookings?searchTerm=x`, { token: user.accessToken });
    expect([response.status, response.body.data]).toEqual([200, []]);
  });

  it('a JSON body that says Content-Encoding: gzip but is not gzip is a 400', async () => {
    const response = await app.request('POST', `${API}/auth/login`, { body: '{"email":"a@b.c","password":"x"}', headers: { 'content-encoding': 'gzip' } });
    expect([response.status, response.body.errorSources[0].path]).toEqual([400, 'body']);
  });

  it('real gzip is still understood, and an unknown encoding is a 415', async () => {
    const gzipped = gzipSync(JSON.stringify({ email: 'nobody@example.com', password: 'Wr0ng!guess' }));
    const login = await fetch(`${app.url}${API}/auth/login`, { method: 'POST', body: gzipped, headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } });
    expect(login.status).toBe(401);
    const odd = await app.request('POST', `${API}/auth/login`, { body: '{}', headers: { 'content-encoding': 'x-compress-9000' } });
    expect(odd.status).toBe(415);
  });
});
