import jwt from 'jsonwebtoken';
import type { LoggedIn} from '../../support/accounts';
import { PASSWORD, login, loginSuperAdmin, register, startAppWithSuperAdmin, verifiedUser } from '../../support/accounts';
import type { TestApp } from '../../support/testApp';

const ACCESS_SECRET = 'access-secret-for-revocation-tests-0123456789';
const FRONTEND = { origin: 'http://localhost:5173' };

/** Revocation within seconds, logout, tokens without expiry, and blocking over HTTP. */
describe('sessions end when they should', () => {
  let app: TestApp;
  let root: LoggedIn;

  beforeAll(async () => {
    app = await startAppWithSuperAdmin({ JWT_ACCESS_SECRET: ACCESS_SECRET });
    root = await loginSuperAdmin(app);
  });
  afterAll(() => app.stop());

  const me = (token: string) => app.request('GET', '/api/v1/user/me', { token });
  const patch = (id: string, body: Record<string, unknown>) => app.request('PATCH', `/api/v1/user/${id}`, { token: root.accessToken, body });

  it('a demoted admin loses admin routes at once; their token answers "jwt expired" and a refresh brings the new role', async () => {
    const admin = await verifiedUser(app, root, { role: 'ADMIN' });
    expect((await app.request('GET', '/api/v1/user/all-users', { token: admin.accessToken })).status).toBe(200);
    expect((await patch(admin.id, { role: 'USER' })).status).toBe(200);

    const listed = await app.request('GET', '/api/v1/user/all-users', { token: admin.accessToken });
    expect([listed.status, listed.body.message]).toEqual([401, 'jwt expired']);
    expect((await app.request('GET', '/api/v1/stats/user', { token: admin.accessToken })).status).toBe(401);
    const refreshed = await app.request('POST', '/api/v1/auth/refresh-token', { body: { refreshToken: admin.refreshToken } });
    expect((await app.request('GET', '/api/v1/user/all-users', { token: refreshed.body.data.accessToken })).status).toBe(403);
  });

  it('a blocked admin can neither read nor block others with the token they held', async () => {
    const admin = await verifiedUser(app, root, { role: 'ADMIN' });
    const bystander = await verifiedUser(app, root);
    expect((await patch(admin.id, { isActive: 'BLOCKED' })).status).toBe(200);
    const blocking = await app.request('PATCH', `/api/v1/user/${bystander.id}`, { token: admin.accessToken, body: { isActive: 'BLOCKED' } });
    expect([blocking.status, blocking.body.code]).toEqual([401, 'AUTH.SESSION_ENDED']);
    expect((await me(bystander.accessToken)).status).toBe(200);
  });

  it.each([
    ['blocked', { isActive: 'BLOCKED' }],
    ['deactivated', { isActive: 'INACTIVE' }],
    ['deleted', { isDeleted: true }],
  ])('a %s user loses /user/me at once', async (_how, change) => {
    const user = await verifiedUser(app, root);
    expect((await me(user.accessToken)).status).toBe(200);
    expect((await patch(user.id, change)).status).toBe(200);
    const refused = await me(user.accessToken);
    expect([refused.status, refused.body.code]).toEqual([401, 'AUTH.SESSION_ENDED']);
  });

  it('blocking over HTTP ends every session: after an unblock, the refresh token from before is still dead', async () => {
    const user = await verifiedUser(app, root);
    expect((await patch(user.id, { isActive: 'BLOCKED' })).status).toBe(200);
    expect((await patch(user.id, { isActive: 'ACTIVE' })).status).toBe(200);
    const refreshed = await app.request('POST', '/api/v1/auth/refresh-token', { body: { refreshToken: user.refreshToken } });
    expect([refreshed.status, refreshed.body.code]).toEqual([401, 'AUTH.REFRESH_INVALID']);
    expect((await me(user.accessToken)).status).toBe(401);
    expect((await login(app, user.email, PASSWORD)).accessToken).toBeTruthy();
  });

  it('logout ends the access token too: by cookie, and by Bearer token alone', async () => {
    const byCookie = await verifiedUser(app, root);
    expect((await app.request('POST', '/api/v1/auth/logout', { cookies: byCookie.cookies, headers: FRONTEND })).status).toBe(200);
    expect((await me(byCookie.accessToken)).status).toBe(401);

    const byBearer = await verifiedUser(app, root);
    expect((await app.request('POST', '/api/v1/auth/logout', { token: byBearer.accessToken })).status).toBe(200);
    expect((await me(byBearer.accessToken)).status).toBe(401);
    expect((await app.request('POST', '/api/v1/auth/refresh-token', { body: { refreshToken: byBearer.refreshToken } })).status).toBe(401);
  });

  it('refuses a correctly signed token that never expires', async () => {
    const user = await verifiedUser(app, root);
    const { sid } = jwt.decode(user.accessToken) as { sid: string };
    const forever = jwt.sign({ sub: user.id, email: user.email, role: 'USER', sid }, ACCESS_SECRET, { algorithm: 'HS256' });
    const refused = await me(forever);
    expect([refused.status, refused.body.code]).toEqual([401, 'AUTH.TOKEN_INVALID']);
  });

  it('registration still answers 409 for a taken email (front ends show that message)', async () => {
    const taken = await register(app);
    const again = await app.request('POST', '/api/v1/user/register', { body: { name: 'Twin', email: taken.email, password: PASSWORD } });
    expect(again.status).toBe(409);
  });
});
