import type { VerifiedIdentity } from '../../src/application/ports/IdentityProvider';
import { FakeOidcServer } from '../fakes/FakeOidcServer';
import type { LoggedIn} from '../support/accounts';
import { PASSWORD, cookieAttributes, login, loginSuperAdmin, startAppWithSuperAdmin, verifiedUser } from '../support/accounts';
import { freePort } from '../support/freePort';
import type { ApiResponse, TestApp} from '../support/testApp';
import { startTestApp } from '../support/testApp';

const FRONTEND = 'http://frontend.example.com:5173';

let n = 0;
function person(overrides: Partial<VerifiedIdentity> = {}): VerifiedIdentity {
  n += 1;
  return { subject: `1098765432109876543${String(n).padStart(2, '0')}`, email: `google${n}-${Date.now()}@gmail.com`, emailVerified: true, name: `Google Person ${n}`, ...overrides };
}

describe('Google sign-in over HTTP', () => {
  const idp = new FakeOidcServer();
  let app: TestApp;
  let admin: LoggedIn;

  beforeAll(async () => {
    await idp.start();
    const port = await freePort();
    app = await startAppWithSuperAdmin({
      PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, FRONTEND_URL: FRONTEND,
      GOOGLE_CLIENT_ID: idp.clientId, GOOGLE_CLIENT_SECRET: idp.clientSecret, GOOGLE_ISSUER_URL: idp.issuer,
    });
    admin = await loginSuperAdmin(app);
  });
  afterAll(async () => {
    await app?.stop();
    await idp.stop();
  });
  beforeEach(() => idp.down.clear());

  /** Up to Google's redirect back: our start answer, the sign-in cookie and the callback URL the provider sent the browser to. */
  async function untilCallback(who: VerifiedIdentity, redirect: string | null = '/tours') {
    idp.nextIdentity = who;
    const start = await app.request('GET', `/api/v1/auth/google${redirect === null ? '' : `?redirect=${encodeURIComponent(redirect)}`}`);
    expect(start.status).toBe(302);
    const atProvider = await fetch(start.headers.get('location')!, { redirect: 'manual' });
    expect(atProvider.status).toBe(302);
    return { start, cookie: start.cookies.googleSignIn, callback: new URL(atProvider.headers.get('location')!) };
  }

  /** The whole browser round trip; returns the callback's answer. */
  async function signIn(who: VerifiedIdentity, redirect: string | null = '/tours'): Promise<ApiResponse> {
    const { cookie, callback } = await untilCallback(who, redirect);
    return app.request('GET', callback.toString(), { cookies: { googleSignIn: cookie } });
  }

  const refusedWith = (response: ApiResponse, code: string) => {
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`${FRONTEND}/login?error=google&code=${encodeURIComponent(code)}`);
    expect(response.cookies.accessToken).toBeUndefined();
    expect(response.cookies.refreshToken).toBeUndefined();
  };

  it('sends the browser to the provider with state, nonce and PKCE S256, remembered in an encrypted httpOnly cookie', async () => {
    const { start, callback } = await untilCallback(person());
    const location = new URL(start.headers.get('location')!);
    expect(location.origin + location.pathname).toBe(`${idp.url}/authorize`);
    const params = Object.fromEntries(location.searchParams);
    expect(params).toMatchObject({ client_id: idp.clientId, response_type: 'code', code_challenge_method: 'S256', redirect_uri: `${app.url}/api/v1/auth/google/callback` });
    expect(params.state).toMatch(/^[\w-]{43}$/);
    expect(params.nonce).toMatch(/^[\w-]{43}$/);
    expect(params.code_challenge).toMatch(/^[\w-]{43}$/);
    expect(cookieAttributes(start.setCookie, 'googleSignIn')).toMatchObject({ httponly: true, samesite: 'lax', path: '/api/v1/auth/google' });
    expect(callback.searchParams.get('state')).toBe(params.state);
    // Encrypted, not just signed: the state (and with it the PKCE verifier beside it) cannot be read from the cookie.
    const readable = start.cookies.googleSignIn.split('.').map((part) => Buffer.from(part, 'base64url').toString('latin1')).join('\n');
    expect(readable).not.toContain(params.state);
    expect(readable).not.toContain('/tours');
  });

  it('signs a new user in: 302 to FRONTEND_URL + redirect with the session cookies, and /user/me works with them', async () => {
    const who = person();
    const response = await signIn(who);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`${FRONTEND}/tours`);
    expect(cookieAttributes(response.setCookie, 'accessToken')).toMatchObject({ httponly: true, path: '/' });
    expect(cookieAttributes(response.setCookie, 'googleSignIn')).toMatchObject({ path: '/api/v1/auth/google', expires: expect.stringContaining('1970') });
    const me = await app.request('GET', '/api/v1/user/me', { cookies: { accessToken: response.cookies.accessToken } });
    expect(me.status).toBe(200);
    expect(me.body.data).toMatchObject({ email: who.email, name: who.name, isVerified: true, hasPassword: false, auths: [{ provider: 'google', providerId: who.subject }] });
    const refreshed = await app.request('POST', '/api/v1/auth/refresh-token', { cookies: { refreshToken: response.cookies.refreshToken }, headers: { origin: FRONTEND } });
    expect(refreshed.status).toBe(200);
  });

  it('lets the Google-created account set a first password once (409 the second time), then log in with it', async () => {
    const who = person();
    const { cookies } = await signIn(who);
    const set = await app.request('POST', '/api/v1/auth/set-password', { cookies: { accessToken: cookies.accessToken }, headers: { origin: FRONTEND }, body: { password: PASSWORD } });
    expect(set.status).toBe(200);
    const again = await app.request('POST', '/api/v1/auth/set-password', { cookies: { accessToken: cookies.accessToken }, headers: { origin: FRONTEND }, body: { password: 'An0ther!pass' } });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ success: false, statusCode: 409 });
    await expect(login(app, who.email, PASSWORD)).resolves.toHaveProperty('accessToken');
  });

  it('signs the same Google account into the same user next time', async () => {
    const who = person();
    const first = await signIn(who);
    const second = await signIn(who, null);
    expect(second.headers.get('location')).toBe(`${FRONTEND}/`);
    const ids = await Promise.all([first, second].map(async (r) => (await app.request('GET', '/api/v1/user/me', { cookies: { accessToken: r.cookies.accessToken } })).body.data.id));
    expect(ids[0]).toBe(ids[1]);
  });

  it('links an existing verified account with the same email', async () => {
    const existing = await verifiedUser(app, admin);
    const response = await signIn(person({ email: existing.email }));
    const me = await app.request('GET', '/api/v1/user/me', { cookies: { accessToken: response.cookies.accessToken } });
    expect(me.body.data.id).toBe(existing.id);
    expect(me.body.data.auths.map((a: { provider: string }) => a.provider)).toEqual(['credentials', 'google']);
  });

  it.each(['https://evil.example', '//evil.example/tours', '/\\evil.example', 'javascript:alert(1)'])('ignores redirect=%s and lands on the front end root', async (redirect) => {
    const response = await signIn(person(), redirect);
    expect(response.headers.get('location')).toBe(`${FRONTEND}/`);
    expect(response.cookies.accessToken).toBeTruthy();
  });

  describe('refusals land on FRONTEND_URL/login?error=google&code=…', () => {
    it('a tampered state, a missing or forged cookie', async () => {
      const { cookie, callback } = await untilCallback(person());
      const tampered = new URL(callback);
      const state = callback.searchParams.get('state')!;
      // Always a different last character (a random state ends in 'A' one time in 16).
      tampered.searchParams.set('state', `${state.slice(0, -1)}${state.endsWith('A') ? 'B' : 'A'}`);
      refusedWith(await app.request('GET', tampered.toString(), { cookies: { googleSignIn: cookie } }), 'AUTH.GOOGLE_STATE_INVALID');
      refusedWith(await app.request('GET', callback.toString()), 'AUTH.GOOGLE_STATE_INVALID');
      // The cookie is a JWE (header.key.iv.ciphertext.tag): change the ciphertext, or graft another sign-in's onto this one.
      const parts = cookie.split('.');
      const flipped = `${parts[3].slice(0, 8)}${parts[3][8] === 'A' ? 'B' : 'A'}${parts[3].slice(9)}`;
      refusedWith(await app.request('GET', callback.toString(), { cookies: { googleSignIn: [...parts.slice(0, 3), flipped, parts[4]].join('.') } }), 'AUTH.GOOGLE_STATE_INVALID');
      const other = (await untilCallback(person(), '/admin')).cookie.split('.');
      const grafted = [...parts.slice(0, 3), other[3], other[4]].join('.');
      refusedWith(await app.request('GET', callback.toString(), { cookies: { googleSignIn: grafted } }), 'AUTH.GOOGLE_STATE_INVALID');
    });

    it('a replayed callback (the code is single-use)', async () => {
      const { cookie, callback } = await untilCallback(person());
      expect((await app.request('GET', callback.toString(), { cookies: { googleSignIn: cookie } })).headers.get('location')).toBe(`${FRONTEND}/tours`);
      refusedWith(await app.request('GET', callback.toString(), { cookies: { googleSignIn: cookie } }), 'AUTH.GOOGLE_CODE_REJECTED');
    });

    it('the user cancelling at Google', async () => {
      const { cookie, callback } = await untilCallback(person());
      const denied = `${app.url}/api/v1/auth/google/callback?error=access_denied&state=${callback.searchParams.get('state')}`;
      refusedWith(await app.request('GET', denied, { cookies: { googleSignIn: cookie } }), 'AUTH.GOOGLE_DENIED');
    });

    it('an email Google has not verified', async () => {
      refusedWith(await signIn(person({ emailVerified: false })), 'AUTH.GOOGLE_EMAIL_UNVERIFIED');
    });

    it('a blocked account', async () => {
      const who = person();
      const first = await signIn(who);
      const me = await app.request('GET', '/api/v1/user/me', { cookies: { accessToken: first.cookies.accessToken } });
      expect((await app.request('PATCH', `/api/v1/user/${me.body.data.id}`, { token: admin.accessToken, body: { isActive: 'BLOCKED' } })).status).toBe(200);
      refusedWith(await signIn(who), 'USER.BLOCKED');
    });

    it('the provider being down', async () => {
      idp.down.add('token');
      refusedWith(await signIn(person()), 'DEPENDENCY_UNAVAILABLE');
    });
  });

  it('documents both routes in /openapi.json', async () => {
    const { body } = await app.request('GET', '/openapi.json');
    expect(body.paths['/api/v1/auth/google'].get.parameters.map((p: { name: string }) => p.name)).toContain('redirect');
    expect(body.paths['/api/v1/auth/google/callback'].get).toBeDefined();
  });
});

describe('Google sign-in without GOOGLE_CLIENT_ID/SECRET', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ GOOGLE_CLIENT_ID: 'only-the-id' });
  });
  afterAll(() => app.stop());

  it.each(['/api/v1/auth/google?redirect=/tours', '/api/v1/auth/google/callback?code=x&state=y'])('answers %s with the 404 envelope', async (path) => {
    const response = await app.request('GET', path);
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ success: false, statusCode: 404, requestId: expect.any(String) });
  });
});
