import { PASSWORD, lastResetLink, loginSuperAdmin, register, startAppWithSuperAdmin, verifiedUser } from '../../support/accounts';
import type { TestApp } from '../../support/testApp';
import { PRODUCTION_ENV } from '../../support/testApp';


const loginFrom = (app: TestApp, forwardedFor: string | null, email: string, password: string) =>
  app.request('POST', '/api/v1/auth/login', { body: { email, password }, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} });

describe('client addresses behind proxies (TRUST_PROXY)', () => {
  it('in production, by default, X-Forwarded-For is not believed: rotating it does not escape the per-address limit', async () => {
    const app = await startAppWithSuperAdmin({ ...PRODUCTION_ENV, RATE_LIMIT_LOGIN_PER_MINUTE: '3' });
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await loginFrom(app, `10.9.${i}.${i}`, 'nobody@example.com', 'Wr0ng!guess')).status);
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await app.stop();
    }
  });

  it('with TRUST_PROXY=1 the right-most entry is the client: forged entries to its left change nothing', async () => {
    const app = await startAppWithSuperAdmin({ TRUST_PROXY: '1', RATE_LIMIT_LOGIN_PER_MINUTE: '3' });
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await loginFrom(app, `10.9.${i}.${i}, 203.0.113.5`, 'nobody@example.com', 'Wr0ng!guess')).status);
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      expect((await loginFrom(app, '10.9.9.9, 203.0.113.6', 'nobody@example.com', 'Wr0ng!guess')).status).toBe(401);
    } finally {
      await app.stop();
    }
  });
});

describe('failed logins lock out the guesser, not the owner', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startAppWithSuperAdmin({ TRUST_PROXY: '1', RATE_LIMIT_LOGIN_PER_EMAIL: '5' });
  });
  afterAll(() => app.stop());

  it('10 wrong passwords from one address: that address waits, the owner logs in from theirs', async () => {
    const owner = await verifiedUser(app, await loginSuperAdmin(app));
    const attempts = [];
    for (let i = 0; i < 10; i++) attempts.push((await loginFrom(app, '203.0.113.66', owner.email, 'Wr0ng!guess')).status);
    expect(attempts).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
    expect((await loginFrom(app, '203.0.113.66', owner.email, PASSWORD)).status).toBe(429);
    expect((await loginFrom(app, '198.51.100.20', owner.email, PASSWORD)).status).toBe(200);
  });

  it('100 failures from many addresses lock the account until a password reset (NIST 800-63B)', async () => {
    const owner = await verifiedUser(app, await loginSuperAdmin(app));
    for (let address = 0; address < 20; address++) {
      for (let i = 0; i < 5; i++) expect((await loginFrom(app, `203.0.113.${address}`, owner.email, 'Wr0ng!guess')).status).toBe(401);
    }
    const locked = await loginFrom(app, '198.51.100.21', owner.email, PASSWORD);
    expect([locked.status, locked.body.code]).toEqual([403, 'AUTH.ACCOUNT_LOCKED']);
    expect((await app.request('POST', '/api/v1/auth/forgot-password', { body: { email: owner.email } })).status).toBe(200);
    const { token } = await lastResetLink(app);
    expect((await app.request('POST', '/api/v1/auth/reset-password', { body: { token, newPassword: 'Unl0cked!again' } })).status).toBe(200);
    expect((await loginFrom(app, '198.51.100.21', owner.email, 'Unl0cked!again')).status).toBe(200);
  });

  it('change-password: after 5 wrong current passwords the session gets 429, even with the right one', async () => {
    const user = await verifiedUser(app, await loginSuperAdmin(app));
    const change = (oldPassword: string) => app.request('POST', '/api/v1/auth/change-password', { token: user.accessToken, body: { oldPassword, newPassword: 'N3w!passphrase' } });
    for (let i = 0; i < 5; i++) expect((await change('Wr0ng!guess')).status).toBe(400);
    expect((await change(PASSWORD)).status).toBe(429);
  });
});

describe('cheap refusals first', () => {
  it('register, reset-password and change-password are limited per address', async () => {
    const app = await startAppWithSuperAdmin({ RATE_LIMIT_ACCOUNT_PER_HOUR: '2' });
    try {
      const user = await verifiedUser(app, await loginSuperAdmin(app));
      const registering = [];
      for (let i = 0; i < 2; i++) registering.push((await app.request('POST', '/api/v1/user/register', { body: { name: 'Many', email: `many${i}@example.com`, password: PASSWORD } })).status);
      expect(registering).toEqual([201, 429]);
      const resets = [];
      for (let i = 0; i < 3; i++) resets.push((await app.request('POST', '/api/v1/auth/reset-password', { body: { token: `bogus-${i}`, newPassword: PASSWORD } })).status);
      expect(resets).toEqual([400, 400, 429]);
      const changes = [];
      for (let i = 0; i < 3; i++) changes.push((await app.request('POST', '/api/v1/auth/change-password', { token: user.accessToken, body: { oldPassword: 'Wr0ng!guess', newPassword: 'N3w!passphrase' } })).status);
      expect(changes).toEqual([400, 400, 429]);
    } finally {
      await app.stop();
    }
  });

  it('reset-password judges the token before the new password (the costly hash comes last)', async () => {
    const app = await startAppWithSuperAdmin();
    try {
      const response = await app.request('POST', '/api/v1/auth/reset-password', { body: { token: 'bogus', newPassword: 'weak' } });
      expect([response.status, response.body.code]).toEqual([400, 'AUTH.RESET_TOKEN_INVALID']);
    } finally {
      await app.stop();
    }
  });

  it('past PASSWORD_HASH_QUEUE_LIMIT waiting hashes, logins get 503 at once instead of queueing', async () => {
    const app = await startAppWithSuperAdmin({ PASSWORD_HASH_QUEUE_LIMIT: '1' });
    try {
      const burst = await Promise.all(Array.from({ length: 16 }, (_, i) => loginFrom(app, null, `nobody${i}@example.com`, 'Wr0ng!guess')));
      const statuses = burst.map((r) => r.status);
      expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
      expect(statuses.every((s) => s === 401 || s === 503)).toBe(true);
      expect(burst.find((r) => r.status === 503)!.body.code).toBe('DEPENDENCY_UNAVAILABLE');
    } finally {
      await app.stop();
    }
  });

  it('refuses leaked passwords such as P@ssw0rd and Summer2024!', async () => {
    const app = await startAppWithSuperAdmin();
    try {
      for (const password of ['P@ssw0rd', 'Summer2024!']) {
        const response = await app.request('POST', '/api/v1/user/register', { body: { name: 'Common', email: `common-${password.length}@example.com`, password } });
        expect([response.status, response.body.errorSources[0].path]).toEqual([400, 'password']);
        expect(response.body.errorSources[0].message).toContain('too common');
      }
    } finally {
      await app.stop();
    }
  });
});

describe('reset links', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startAppWithSuperAdmin({ RATE_LIMIT_RESET_MAILS_PER_HOUR: '3' });
  });
  afterAll(() => app.stop());

  const forgot = (email: string) => app.request('POST', '/api/v1/auth/forgot-password', { body: { email } });

  it('at most 3 mails an hour to one address; an unknown email gets the very same answers', async () => {
    const user = await register(app);
    const before = (await app.mails()).length;
    const known = [];
    const unknown = [];
    for (let i = 0; i < 5; i++) known.push((await forgot(user.email)).status);
    for (let i = 0; i < 5; i++) unknown.push((await forgot('never-registered@example.com')).status);
    expect(known).toEqual([200, 200, 200, 429, 429]);
    expect(unknown).toEqual(known);
    expect((await app.mails()).length - before).toBe(3);
  });

  it('a newer link voids the older one; a reset voids the rest and ends every session', async () => {
    const user = await verifiedUser(app, await loginSuperAdmin(app));
    await forgot(user.email);
    const older = await lastResetLink(app);
    await forgot(user.email);
    const newer = await lastResetLink(app);
    const stale = await app.request('POST', '/api/v1/auth/reset-password', { body: { token: older.token, newPassword: 'N3w!passphrase' } });
    expect([stale.status, stale.body.code]).toEqual([400, 'AUTH.RESET_TOKEN_INVALID']);
    expect((await app.request('POST', '/api/v1/auth/reset-password', { body: { token: newer.token, newPassword: 'N3w!passphrase' } })).status).toBe(200);
    expect((await app.request('GET', '/api/v1/user/me', { token: user.accessToken })).status).toBe(401);
    expect((await app.request('POST', '/api/v1/auth/refresh-token', { body: { refreshToken: user.refreshToken } })).status).toBe(401);
  });
});
