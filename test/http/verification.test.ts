import { simpleParser } from 'mailparser';
import { describeIf, realService } from '../support/services';
import { freePort } from '../support/freePort';
import { startSmtpServer } from '../support/smtpServer';
import type { ApiResponse, TestApp} from '../support/testApp';
import { startTestApp } from '../support/testApp';
import { ThrowawayRedis } from '../support/throwawayRedis';

const PASSWORD = 'Str0ng!pass';
const ADMIN = { email: 'root@example.com', password: 'Sup3r!admin' };
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The code in the newest `.eml` addressed to `email`, read the way a person would: from the text part. */
async function mailedCode(app: TestApp, email: string): Promise<string> {
  const mails = await Promise.all((await app.mails()).map((raw) => simpleParser(raw)));
  const mine = mails.filter((m) => JSON.stringify(m.to).includes(email));
  const text = mine[mine.length - 1]?.text ?? '';
  const code = /\b(\d{6})\b/.exec(text)?.[1];
  if (!code) throw new Error(`no code mailed to ${email}`);
  return code;
}

function register(app: TestApp, email: string): Promise<ApiResponse> {
  return app.request('POST', '/api/v1/user/register', { body: { name: 'Rahim Uddin', email, password: PASSWORD } });
}

/** Everything a client sees except the per-request id. */
function visible(res: ApiResponse): unknown {
  const { requestId, ...body } = res.body as Record<string, unknown>;
  return { status: res.status, body, retryAfter: res.headers.get('retry-after') };
}

describe('email verification over HTTP (embedded defaults)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ SUPER_ADMIN_EMAIL: ADMIN.email, SUPER_ADMIN_PASSWORD: ADMIN.password });
  });
  afterAll(async () => {
    await app.stop();
  });

  test('register writes an .eml with the code; verifying with it lets the user log in', async () => {
    const email = 'flow@example.com';
    expect((await register(app, email)).status).toBe(201);
    const refused = await app.request('POST', '/api/v1/auth/login', { body: { email, password: PASSWORD } });
    expect([refused.status, refused.body.message]).toEqual([403, 'User is not verified']);

    const code = await mailedCode(app, email);
    const verified = await app.request('POST', '/api/v1/otp/verify', { body: { email, otp: code } });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ success: true, statusCode: 200, message: 'Email verified successfully' });

    const login = await app.request('POST', '/api/v1/auth/login', { body: { email, password: PASSWORD } });
    expect(login.status).toBe(200);
    expect(login.body.data.user).toMatchObject({ email, isVerified: true });
    const again = await app.request('POST', '/api/v1/otp/verify', { body: { email, otp: code } });
    expect([again.status, again.body.message]).toEqual([400, 'Invalid or expired code']);
  });

  test('the original front end\'s flow: register, then ask for a code on the verify page right away', async () => {
    const email = 'legacy-client@example.com';
    expect((await register(app, email)).status).toBe(201);
    const fromRegistration = await mailedCode(app, email);
    const asked = await app.request('POST', '/api/v1/otp/send', { body: { email } });
    expect(asked.status).toBe(200);
    const latest = await mailedCode(app, email);
    expect((await app.mails()).filter((raw) => raw.includes(email))).toHaveLength(2);
    const resend = await app.request('POST', '/api/v1/otp/send', { body: { email } });
    expect(resend.status).toBe(429);
    if (latest !== fromRegistration) {
      const stale = await app.request('POST', '/api/v1/otp/verify', { body: { email, otp: fromRegistration } });
      expect(stale.status).toBe(400);
    }
    const verified = await app.request('POST', '/api/v1/otp/verify', { body: { email, otp: latest } });
    expect(verified.status).toBe(200);
  });

  test('10 wrong guesses, then the right code is refused', async () => {
    const email = 'guesser@example.com';
    await register(app, email);
    const code = await mailedCode(app, email);
    for (let i = 0; i < 10; i++) {
      const guess = String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0');
      const res = await app.request('POST', '/api/v1/otp/verify', { body: { email, otp: guess } });
      expect([res.status, res.body.message]).toEqual([400, 'Invalid or expired code']);
    }
    const right = await app.request('POST', '/api/v1/otp/verify', { body: { email, otp: code } });
    expect(right.status).toBe(400);
    expect(right.body).toMatchObject({ success: false, message: 'Invalid or expired code', errorSources: [{ path: 'otp', message: 'Invalid or expired code' }] });
  });

  test('a second /otp/send within a minute is 429 with Retry-After', async () => {
    const first = await app.request('POST', '/api/v1/otp/send', { body: { email: 'twice@example.com' } });
    expect(first.status).toBe(200);
    const second = await app.request('POST', '/api/v1/otp/send', { body: { email: 'twice@example.com' } });
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThanOrEqual(59);
    expect(Number(second.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(second.body).toMatchObject({ success: false, statusCode: 429, requestId: expect.any(String) });
  });

  test('/otp/send answers identically for unknown, unverified and verified emails', async () => {
    await app.server.root.useCases.registerUser.execute({ name: 'Quiet One', email: 'quiet@example.com', password: PASSWORD });
    const before = (await app.mails()).length;
    const unknown = await app.request('POST', '/api/v1/otp/send', { body: { email: 'nobody@example.com' } });
    const unverified = await app.request('POST', '/api/v1/otp/send', { body: { email: 'quiet@example.com', name: 'Quiet One' } });
    const verified = await app.request('POST', '/api/v1/otp/send', { body: { email: ADMIN.email } });
    expect(visible(unknown)).toEqual({ status: 200, body: { success: true, statusCode: 200, message: 'If the account exists and is unverified, a code was sent', data: null }, retryAfter: null });
    expect(visible(unverified)).toEqual(visible(unknown));
    expect(visible(verified)).toEqual(visible(unknown));
    expect((await app.mails()).length).toBe(before + 1);

    const unknownAgain = await app.request('POST', '/api/v1/otp/send', { body: { email: 'nobody@example.com' } });
    const unverifiedAgain = await app.request('POST', '/api/v1/otp/send', { body: { email: 'quiet@example.com' } });
    expect(unknownAgain.status).toBe(429);
    expect(visible(unverifiedAgain)).toEqual(visible(unknownAgain));
  });

  test('both routes are in the OpenAPI document', async () => {
    const doc = await app.request('GET', '/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/otp/send', '/api/v1/otp/verify']));
  });

  test('bad input names the field', async () => {
    const res = await app.request('POST', '/api/v1/otp/verify', { body: { email: 'x@example.com' } });
    expect(res.status).toBe(400);
    expect(res.body.errorSources).toEqual([{ path: 'otp', message: expect.any(String) }]);
    const send = await app.request('POST', '/api/v1/otp/send', { body: { email: 'nope' } });
    expect([send.status, send.body.errorSources[0].path]).toEqual([400, 'email']);
  });
});

describe('per-client limits on /otp/* and /auth/login', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_OTP_PER_MINUTE: '3', RATE_LIMIT_LOGIN_PER_MINUTE: '7', RATE_LIMIT_LOGIN_PER_EMAIL: '2' });
  });
  afterAll(async () => {
    await app.stop();
  });

  test('/otp/send and /otp/verify share one per-IP budget', async () => {
    const statuses = [];
    for (const [path, body] of [['/otp/send', { email: 'a@example.com' }], ['/otp/verify', { email: 'b@example.com', otp: '123456' }], ['/otp/send', { email: 'c@example.com' }]] as const) {
      statuses.push((await app.request('POST', `/api/v1${path}`, { body })).status);
    }
    expect(statuses).toEqual([200, 400, 200]);
    const limited = await app.request('POST', '/api/v1/otp/verify', { body: { email: 'b@example.com', otp: '123456' } });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  test('login: per email (known or not, alike), then per IP', async () => {
    await register(app, 'known@example.com');
    const attempt = (email: string) => app.request('POST', '/api/v1/auth/login', { body: { email, password: 'Wr0ng!pass' } });
    const known = [await attempt('known@example.com'), await attempt('known@example.com'), await attempt('known@example.com')];
    const unknown = [await attempt('ghost@example.com'), await attempt('ghost@example.com'), await attempt('ghost@example.com')];
    expect(known.map((r) => r.status)).toEqual([401, 401, 429]);
    expect(unknown.map(visible)).toEqual(known.map(visible));
    expect((await attempt('third@example.com')).status).toBe(401);
    const perIp = await attempt('fourth@example.com');
    expect(perIp.status).toBe(429);
    expect(perIp.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});

describeIf(realService('redis'), 'email verification over HTTP (Redis)', () => {
  test('the same flow with codes and limits in Redis', async () => {
    const app = await startTestApp({ REDIS_URL: realService('redis')! });
    try {
      expect(app.server.root.adapters).toMatchObject({ otpStore: 'Redis (ioredis)', rateLimiter: 'Redis (ioredis)' });
      const email = `redis-${Date.now()}@example.com`;
      await register(app, email);
      expect((await app.request('POST', '/api/v1/otp/send', { body: { email } })).status).toBe(200);
      expect((await app.request('POST', '/api/v1/otp/send', { body: { email } })).status).toBe(429);
      const code = await mailedCode(app, email);
      expect((await app.request('POST', '/api/v1/otp/verify', { body: { email, otp: code } })).status).toBe(200);
      const ready = await app.request('GET', '/ready');
      expect([ready.status, ready.body.data.checks]).toEqual([200, expect.arrayContaining(['database', 'redis'])]);
    } finally {
      await app.stop();
    }
  });

  test('Redis down: /otp/* answer 503, /ready names redis, registration still works; it recovers without a restart', async () => {
    const redis = await ThrowawayRedis.start();
    await redis.down();
    const app = await startTestApp({ REDIS_URL: redis.url, SUPER_ADMIN_EMAIL: ADMIN.email, SUPER_ADMIN_PASSWORD: ADMIN.password });
    try {
      const send = await app.request('POST', '/api/v1/otp/send', { body: { email: 'down@example.com' } });
      expect(send.status).toBe(503);
      expect(send.body).toMatchObject({ success: false, statusCode: 503, message: 'redis is unavailable', requestId: expect.any(String) });
      expect(JSON.stringify(send.body)).not.toContain('ECONNREFUSED');
      expect((await app.request('POST', '/api/v1/otp/verify', { body: { email: 'down@example.com', otp: '123456' } })).status).toBe(503);
      const ready = await app.request('GET', '/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.message).toContain('redis');
      expect(ready.body.errorSources).toEqual([{ path: 'redis', message: expect.stringMatching(/^not connected \((connecting|reconnecting|connect)\)$/) }]);
      expect((await register(app, 'down@example.com')).status).toBe(201);
      expect((await app.request('POST', '/api/v1/auth/login', { body: ADMIN })).status).toBe(200);

      await redis.up();
      let recovered: ApiResponse | null = null;
      for (let i = 0; i < 50 && recovered?.status !== 200; i++) {
        await sleep(200);
        recovered = await app.request('GET', '/ready');
      }
      expect(recovered?.status).toBe(200);
      expect((await app.request('POST', '/api/v1/otp/send', { body: { email: 'down@example.com' } })).status).toBe(200);
      const code = await mailedCode(app, 'down@example.com');
      expect((await app.request('POST', '/api/v1/otp/verify', { body: { email: 'down@example.com', otp: code } })).status).toBe(200);
    } finally {
      await app.stop();
      await redis.stop();
    }
  });
});

describe('email verification over HTTP (SMTP)', () => {
  test('with SMTP_URL the code travels over SMTP, and /ready checks the server', async () => {
    const smtp = await startSmtpServer();
    const received = smtp.mails;
    const app = await startTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'TourDesk <no-reply@example.com>' });
    try {
      expect((await register(app, 'smtp@example.com')).status).toBe(201);
      expect(await app.mails()).toEqual([]);
      expect(received).toHaveLength(1);
      expect(received[0].subject).toMatch(/^Your TourDesk verification code: \d{6}$/);
      const code = /\b(\d{6})\b/.exec(received[0].text ?? '')![1];
      expect((await app.request('POST', '/api/v1/otp/verify', { body: { email: 'smtp@example.com', otp: code } })).status).toBe(200);
      const ready = await app.request('GET', '/ready');
      expect([ready.status, ready.body.data.checks]).toEqual([200, expect.arrayContaining(['smtp'])]);
    } finally {
      await app.stop();
      await smtp.close();
    }
  });

  test('a slow SMTP server does not show in /otp/send timing: the mail goes out after the answer', async () => {
    // Far above any request time on a loaded CI machine, so only an awaited send can cross half of it.
    const SMTP_DELAY_MS = 2000;
    const smtp = await startSmtpServer({ acknowledgeAfterMs: SMTP_DELAY_MS });
    const received = smtp.mails;
    const app = await startTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'TourDesk <no-reply@example.com>' });
    const timed = async (email: string) => {
      const started = performance.now();
      const response = await app.request('POST', '/api/v1/otp/send', { body: { email } });
      return { status: response.status, ms: performance.now() - started };
    };
    try {
      expect((await register(app, 'slow.smtp@example.com')).status).toBe(201);
      await app.settled();
      expect(received).toHaveLength(1);

      const unknown = await timed('nobody.here@example.com');
      const registered = await timed('slow.smtp@example.com');
      expect([unknown.status, registered.status]).toEqual([200, 200]);
      expect(registered.ms).toBeLessThan(SMTP_DELAY_MS / 2);
      expect(unknown.ms).toBeLessThan(SMTP_DELAY_MS / 2);
      expect(received).toHaveLength(1);

      await app.settled();
      expect(received.map((m) => JSON.stringify(m.to))).toEqual([expect.stringContaining('slow.smtp@example.com'), expect.stringContaining('slow.smtp@example.com')]);
      expect(received[1].subject).toMatch(/^Your TourDesk verification code: \d{6}$/);

      // Shutdown waits for the mail still in flight (drained with the first closers, before SMTP).
      expect((await app.request('POST', '/api/v1/auth/forgot-password', { body: { email: 'slow.smtp@example.com' } })).status).toBe(200);
      expect(received).toHaveLength(2);
      await app.server.stop();
      expect(received).toHaveLength(3);
      expect(received[2].text).toContain('reset-password?id=');
    } finally {
      await app.stop();
      await smtp.close();
    }
  });

  test('SMTP down: registration still succeeds and /ready names smtp', async () => {
    const app = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${await freePort()}` });
    try {
      const res = await register(app, 'nosmtp@example.com');
      expect(res.status).toBe(201);
      expect(res.body.data).toMatchObject({ email: 'nosmtp@example.com', isVerified: false });
      const ready = await app.request('GET', '/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.errorSources).toEqual([expect.objectContaining({ path: 'smtp' })]);
    } finally {
      await app.stop();
    }
  });
});
