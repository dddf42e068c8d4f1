import jwt from 'jsonwebtoken';
import { FakeClock } from '../fakes/FakeClock';
import type { TestApp} from '../support/testApp';
import { startTestApp } from '../support/testApp';
import type { LoggedIn} from '../support/accounts';
import { PASSWORD, SUPER_ADMIN, cookieAttributes, lastResetLink, login, loginSuperAdmin, register, startAppWithSuperAdmin, verifiedUser } from '../support/accounts';

describe('auth over HTTP', () => {
  let app: TestApp;
  let admin: LoggedIn;

  beforeAll(async () => {
    app = await startAppWithSuperAdmin();
    admin = await loginSuperAdmin(app);
  });
  afterAll(() => app.stop());

  describe('register', () => {
    it('creates an unverified account and answers 201 without secrets', async () => {
      const email = `new-${Date.now()}@example.com`;
      const response = await app.request('POST', '/api/v1/user/register', {
        body: { name: 'Nusrat Jahan', email, password: PASSWORD, phone: '01712345678', address: 'Banani, Dhaka' },
      });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ success: true, statusCode: 201, data: { email, role: 'USER', isVerified: false, isActive: 'ACTIVE', phone: '01712345678' } });
      expect(response.body.data._id).toBe(response.body.data.id);
      const text = JSON.stringify(response.body);
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toMatch(/passwordHash|argon2/);
    });

    it.each([
      ['role', 'SUPER_ADMIN'],
      ['isVerified', true],
      ['isActive', 'ACTIVE'],
      ['isDeleted', false],
    ])('refuses the privileged field %s with 400 naming it', async (field, value) => {
      const email = `sneaky-${field}-${Date.now()}@example.com`;
      const response = await app.request('POST', '/api/v1/user/register', { body: { name: 'Sneaky', email, password: PASSWORD, [field]: value } });
      expect(response.status).toBe(400);
      expect(response.body.errorSources).toEqual(expect.arrayContaining([expect.objectContaining({ path: field })]));
      const created = await app.request('GET', `/api/v1/user/all-users?searchTerm=${encodeURIComponent(email)}`, { token: admin.accessToken });
      expect(created.body.meta.total).toBe(0);
    });

    it('answers a taken email with 409 and a weak password with 400 naming it', async () => {
      const { email } = await register(app);
      expect((await app.request('POST', '/api/v1/user/register', { body: { name: 'Twin', email: email.toUpperCase(), password: PASSWORD } })).status).toBe(409);
      const weak = await app.request('POST', '/api/v1/user/register', { body: { name: 'Weak', email: `weak-${Date.now()}@example.com`, password: 'password' } });
      expect(weak.status).toBe(400);
      expect(weak.body.errorSources[0].path).toBe('password');
    });
  });

  describe('login', () => {
    it('returns the tokens in the body and as httpOnly SameSite=Lax cookies', async () => {
      const user = await verifiedUser(app, admin);
      const { body, setCookie, cookies } = user.response;
      expect(body.data).toMatchObject({ accessToken: expect.any(String), refreshToken: expect.any(String), user: { _id: user.id, email: user.email } });
      expect(cookies).toEqual({ accessToken: body.data.accessToken, refreshToken: body.data.refreshToken });
      for (const name of ['accessToken', 'refreshToken']) {
        const attributes = cookieAttributes(setCookie, name);
        expect(attributes).toMatchObject({ httponly: true, path: '/' });
        expect(String(attributes.samesite).toLowerCase()).toBe('lax');
        expect(attributes.secure).toBeUndefined();
      }
    });

    it('answers an unknown email and a wrong password with the same 401', async () => {
      const user = await verifiedUser(app, admin);
      const unknown = await app.request('POST', '/api/v1/auth/login', { body: { email: 'nobody@example.com', password: PASSWORD } });
      const wrong = await app.request('POST', '/api/v1/auth/login', { body: { email: user.email, password: 'Wr0ng!pass' } });
      expect(unknown.status).toBe(401);
      expect(wrong.status).toBe(401);
      const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined });
      expect(strip(wrong.body)).toEqual(strip(unknown.body));
      expect(unknown.setCookie).toEqual([]);
    });

    it('answers an unverified account 403 "User is not verified" only with the right password', async () => {
      const account = await register(app);
      const right = await app.request('POST', '/api/v1/auth/login', { body: { email: account.email, password: account.password } });
      expect(right.status).toBe(403);
      expect(right.body.message).toBe('User is not verified');
      const wrong = await app.request('POST', '/api/v1/auth/login', { body: { email: account.email, password: 'Wr0ng!pass' } });
      expect(wrong.status).toBe(401);
    });

    it.each([
      ['blocked', { isActive: 'BLOCKED' }],
      ['inactive', { isActive: 'INACTIVE' }],
      ['deleted', { isDeleted: true }],
    ])('answers a %s account 403 only with the right password', async (_state, change) => {
      const user = await verifiedUser(app, admin);
      expect((await app.request('PATCH', `/api/v1/user/${user.id}`, { token: admin.accessToken, body: change })).status).toBe(200);
      expect((await app.request('POST', '/api/v1/auth/login', { body: { email: user.email, password: user.password } })).status).toBe(403);
      expect((await app.request('POST', '/api/v1/auth/login', { body: { email: user.email, password: 'Wr0ng!pass' } })).status).toBe(401);
    });

    it('refuses a body without a password naming the field', async () => {
      const response = await app.request('POST', '/api/v1/auth/login', { body: { email: 'a@example.com' } });
      expect(response.status).toBe(400);
      expect(response.body.errorSources).toEqual([expect.objectContaining({ path: 'password' })]);
    });
  });

  describe('who is logged in', () => {
    let user: LoggedIn;
    beforeAll(async () => {
      user = await verifiedUser(app, admin);
    });

    it.each([
      ['a Bearer token', () => ({ headers: { authorization: `Bearer ${user.accessToken}` } })],
      ['a bare token', () => ({ headers: { authorization: user.accessToken } })],
      ['the cookie alone', () => ({ cookies: { accessToken: user.accessToken } })],
    ])('GET /user/me accepts %s', async (_how, options) => {
      const response = await app.request('GET', '/api/v1/user/me', options());
      expect(response.status).toBe(200);
      expect(response.body.data).toMatchObject({ _id: user.id, email: user.email, role: 'USER' });
    });

    it('answers 401 without a token, with a forged one, and with one signed by another key', async () => {
      expect((await app.request('GET', '/api/v1/user/me')).status).toBe(401);
      expect((await app.request('GET', '/api/v1/user/me', { token: 'not.a.jwt' })).status).toBe(401);
      const [, payload] = user.accessToken.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      const otherKey = jwt.sign(claims, 'some-other-secret-some-other-secret-000');
      expect((await app.request('GET', '/api/v1/user/me', { token: otherKey })).status).toBe(401);
      const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
      expect((await app.request('GET', '/api/v1/user/me', { token: none })).status).toBe(401);
    });
  });

  describe('refresh', () => {
    it('rotates with the cookie alone and sets new cookies', async () => {
      const user = await verifiedUser(app, admin);
      const response = await app.request('POST', '/api/v1/auth/refresh-token', { cookies: { refreshToken: user.refreshToken }, headers: { origin: 'http://localhost:5173' } });
      expect(response.status).toBe(200);
      expect(response.body.data.refreshToken).not.toBe(user.refreshToken);
      expect(response.cookies).toEqual({ accessToken: response.body.data.accessToken, refreshToken: response.body.data.refreshToken });
      expect((await app.request('GET', '/api/v1/user/me', { cookies: { accessToken: response.cookies.accessToken } })).status).toBe(200);
    });

    it('rotates with the token in the body', async () => {
      const user = await verifiedUser(app, admin);
      const response = await app.request('POST', '/api/v1/auth/refresh-token', { body: { refreshToken: user.refreshToken } });
      expect(response.status).toBe(200);
    });

    it('answers reuse of an old token with 401 and revokes the family, newest token too', async () => {
      const user = await verifiedUser(app, admin);
      const first = await app.request('POST', '/api/v1/auth/refresh-token', { body: { refreshToken: user.refreshToken } });
      const newest = first.body.data.refreshToken;
      const reuse = await app.request('POST', '/api/v1/auth/refresh-token', { body: { refreshToken: user.refreshToken } });
      expect(reuse.status).toBe(401);
      expect(reuse.body.code).toBe('AUTH.REFRESH_REUSED');
      const afterwards = await app.request('POST', '/api/v1/auth/refresh-token', { body: { refreshToken: newest } });
      expect(afterwards.status).toBe(401);
    });

    it('answers 401 with no token at all', async () => {
      const response = await app.request('POST', '/api/v1/auth/refresh-token');
      expect(response.status).toBe(401);
    });
  });

  describe('logout', () => {
    it('revokes the presented session and clears both cookies with the same attributes', async () => {
      const user = await verifiedUser(app, admin);
      const response = await app.request('POST', '/api/v1/auth/logout', { cookies: user.cookies, headers: { origin: 'http://localhost:5173' } });
      expect(response.status).toBe(200);
      for (const name of ['accessToken', 'refreshToken']) {
        const attributes = cookieAttributes(response.setCookie, name);
        expect(response.cookies[name]).toBe('');
        expect(new Date(String(attributes.expires)).getTime()).toBeLessThanOrEqual(Date.now());
        expect(attributes).toMatchObject({ httponly: true, path: '/' });
        expect(String(attributes.samesite).toLowerCase()).toBe('lax');
      }
      expect((await app.request('POST', '/api/v1/auth/refresh-token', { body: { refreshToken: user.refreshToken } })).status).toBe(401);
    });

    it('logout-all ends every session of the user', async () => {
      const user = await verifiedUser(app, admin);
      const other = await login(app, user.email, user.password);
      const response = await app.request('POST', '/api/v1/auth/logout-all', { token: user.accessToken });
      expect(response.status).toBe(200);
      for (const token of [user.refreshToken, other.refreshToken]) {
        expect((await app.request('POST', '/api/v1/auth/refresh-token', { body: { refreshToken: token } })).status).toBe(401);
      }
      expect((await app.request('POST', '/api/v1/auth/logout-all')).status).toBe(401);
    });
  });

  describe('change-password', () => {
    it.each(['POST', 'PATCH'])('works with %s, revoking the other sessions', async (method) => {
      const user = await verifiedUser(app, admin);
      const other = await login(app, user.email, user.password);
      const response = await app.request(method, '/api/v1/auth/change-password', { token: user.accessToken, body: { oldPassword: user.password, newPassword: 'N3w!password' } });
      expect(response.status).toBe(200);
      expect(response.cookies.refreshToken).toBe(response.body.data.refreshToken);
      expect((await app.request('POST', '/api/v1/auth/refresh-token', { body: { refreshToken: other.refreshToken } })).status).toBe(401);
      expect((await app.request('POST', '/api/v1/auth/refresh-token', { body: { refreshToken: response.body.data.refreshToken } })).status).toBe(200);
      expect((await app.request('POST', '/api/v1/auth/login', { body: { email: user.email, password: user.password } })).status).toBe(401);
      await login(app, user.email, 'N3w!password');
    });

    it('answers a wrong old password with 400 naming oldPassword', async () => {
      const user = await verifiedUser(app, admin);
      const response = await app.request('POST', '/api/v1/auth/change-password', { token: user.accessToken, body: { oldPassword: 'Wr0ng!pass', newPassword: 'N3w!password' } });
      expect(response.status).toBe(400);
      expect(response.body.errorSources[0].path).toBe('oldPassword');
    });

    it('set-password answers 409 for an account that has one', async () => {
      const user = await verifiedUser(app, admin);
      const response = await app.request('POST', '/api/v1/auth/set-password', { token: user.accessToken, body: { password: 'N3w!password' } });
      expect(response.status).toBe(409);
    });
  });

  describe('forgot and reset password', () => {
    it('always answers 200, mailing only registered accounts', async () => {
      const before = (await app.mails()).length;
      const response = await app.request('POST', '/api/v1/auth/forgot-password', { body: { email: 'ghost@example.com' } });
      expect(response.status).toBe(200);
      expect(await app.mails()).toHaveLength(before);
    });

    it('resets with the mailed token once, revoking every session', async () => {
      const user = await verifiedUser(app, admin);
      expect((await app.request('POST', '/api/v1/auth/forgot-password', { body: { email: user.email } })).status).toBe(200);
      const link = await lastResetLink(app);
      expect(link.id).toBe(user.id);
      const reset = await app.request('POST', '/api/v1/auth/reset-password', { body: { token: link.token, newPassword: 'R3set!password' } });
      expect(reset.status).toBe(200);
      expect((await app.request('POST', '/api/v1/auth/refresh-token', { body: { refreshToken: user.refreshToken } })).status).toBe(401);
      await login(app, user.email, 'R3set!password');
      const again = await app.request('POST', '/api/v1/auth/reset-password', { body: { token: link.token, newPassword: 'An0ther!password' } });
      expect(again.status).toBe(400);
      expect(again.body.errorSources[0].path).toBe('token');
    });

    it('accepts the token in Authorization with {id, newPassword}, and refuses a mismatched id', async () => {
      const user = await verifiedUser(app, admin);
      await app.request('POST', '/api/v1/auth/forgot-password', { body: { email: user.email } });
      const link = await lastResetLink(app);
      const mismatched = await app.request('POST', '/api/v1/auth/reset-password', { headers: { authorization: link.token }, body: { id: admin.id, newPassword: 'R3set!password' } });
      expect(mismatched.status).toBe(400);
      const reset = await app.request('POST', '/api/v1/auth/reset-password', { headers: { authorization: link.token }, body: { id: link.id, newPassword: 'R3set!password' } });
      expect(reset.status).toBe(200);
      await login(app, user.email, 'R3set!password');
    });
  });
});

describe('expired access tokens', () => {
  /** The app on a clock the test moves: a token outlives its 1 s without anyone waiting for it. */
  async function appWithClock(env: Record<string, string> = {}): Promise<{ app: TestApp; clock: FakeClock }> {
    const clock = new FakeClock(new Date());
    return { app: await startAppWithSuperAdmin({ JWT_ACCESS_EXPIRES: '1s', ...env }, { ports: { clock } }), clock };
  }

  async function expiredToken(app: TestApp, clock: FakeClock): Promise<string> {
    const admin = await login(app, SUPER_ADMIN.email, SUPER_ADMIN.password);
    clock.advance(2100);
    return admin.accessToken;
  }

  it('answer 401 with message exactly "jwt expired"', async () => {
    const { app, clock } = await appWithClock();
    try {
      const response = await app.request('GET', '/api/v1/user/me', { token: await expiredToken(app, clock) });
      expect(response.status).toBe(401);
      expect(response.body.message).toBe('jwt expired');
    } finally {
      await app.stop();
    }
  });

  it('reach the server from cookie-only clients too: the access cookie outlives its JWT', async () => {
    const { app, clock } = await appWithClock();
    try {
      const admin = await login(app, SUPER_ADMIN.email, SUPER_ADMIN.password);
      const access = cookieAttributes(admin.response.setCookie, 'accessToken');
      const refresh = cookieAttributes(admin.response.setCookie, 'refreshToken');
      // A browser keeps the cookie until its Expires: it must still send the expired JWT so the
      // answer is "jwt expired" (which front ends refresh on), not "not logged in".
      expect(new Date(String(access.expires)).getTime()).toBe(new Date(String(refresh.expires)).getTime());
      clock.advance(2100);
      const response = await app.request('GET', '/api/v1/user/me', { cookies: { accessToken: admin.cookies.accessToken } });
      expect(response.status).toBe(401);
      expect(response.body.message).toBe('jwt expired');
      const refreshed = await app.request('POST', '/api/v1/auth/refresh-token', { cookies: { refreshToken: admin.cookies.refreshToken }, headers: { origin: 'http://localhost:5173' } });
      expect(refreshed.status).toBe(200);
      expect(refreshed.cookies.accessToken).not.toBe(admin.cookies.accessToken);
    } finally {
      await app.stop();
    }
  });

  it('answer 500 "jwt expired" for legacy front ends with LEGACY_EXPIRED_TOKEN_STATUS=500', async () => {
    const { app, clock } = await appWithClock({ LEGACY_EXPIRED_TOKEN_STATUS: '500' });
    try {
      const response = await app.request('GET', '/api/v1/user/me', { token: await expiredToken(app, clock) });
      expect(response.status).toBe(500);
      expect(response.body).toMatchObject({ success: false, statusCode: 500, message: 'jwt expired' });
      // Other 401s stay 401.
      expect((await app.request('GET', '/api/v1/user/me', { token: 'garbage' })).status).toBe(401);
    } finally {
      await app.stop();
    }
  });
});

describe('super admin at start-up', () => {
  it('is created when absent and never overwritten by a restart with another password', async () => {
    const app = await startTestApp({ SUPER_ADMIN_EMAIL: SUPER_ADMIN.email, SUPER_ADMIN_PASSWORD: SUPER_ADMIN.password });
    const varDir = app.varDir;
    await app.server.stop();
    const again = await startTestApp({ VAR_DIR: varDir, SUPER_ADMIN_EMAIL: SUPER_ADMIN.email, SUPER_ADMIN_PASSWORD: 'Oth3r!password' });
    try {
      const admin = await login(again, SUPER_ADMIN.email, SUPER_ADMIN.password);
      expect(admin.response.body.data.user.role).toBe('SUPER_ADMIN');
      expect((await again.request('POST', '/api/v1/auth/login', { body: { email: SUPER_ADMIN.email, password: 'Oth3r!password' } })).status).toBe(401);
    } finally {
      await again.stop();
      await app.stop().catch(() => undefined);
    }
  });
});
