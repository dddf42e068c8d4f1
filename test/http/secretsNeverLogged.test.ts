import { Writable } from 'node:stream';
import { simpleParser } from 'mailparser';
import { PinoLogger, createPino } from '../../src/infrastructure/logging/PinoLogger';
import type { TestApp} from '../support/testApp';
import { startTestApp } from '../support/testApp';

/** Every log line the app writes, as raw text. */
class CapturedLogs extends Writable {
  readonly lines: string[] = [];

  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }

  text(): string {
    return this.lines.join('\n');
  }

  /** Every string value in every line; numbers (timestamps, pids) cannot hold a secret. */
  strings(): string[] {
    const out: string[] = [];
    const walk = (value: unknown): void => {
      if (typeof value === 'string') out.push(value);
      else if (value && typeof value === 'object') Object.values(value).forEach(walk);
    };
    this.lines.forEach((line) => walk(JSON.parse(line)));
    return out;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

describe('secrets never reach the logs', () => {
  const logs = new CapturedLogs();
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({}, { logger: new PinoLogger(createPino('trace', logs)) });
  });

  afterAll(async () => {
    await app.stop();
  });

  async function lastMailText(): Promise<string> {
    const mails = await app.mails();
    return (await simpleParser(mails[mails.length - 1])).text ?? '';
  }

  it('register, verify, login, refresh, change, forgot and reset password leave no password, token or code in any log line', async () => {
    const email = 'secret.keeper@example.com';
    const passwords = ['Initial#Pass1', 'Changed#Pass2', 'AfterReset#Pass3', 'Wrong#Guess99'];
    const tokens: string[] = [];
    const codes: string[] = [];

    expect((await app.request('POST', '/api/v1/user/register', { body: { name: 'Sam Secret', email, password: passwords[0] } })).status).toBe(201);
    // registration mails the first code
    const code = /^\s*(\d{6})\s*$/m.exec(await lastMailText())![1];
    codes.push(code);
    const wrongCode = code === '000000' ? '111111' : '000000';
    codes.push(wrongCode);
    expect((await app.request('POST', '/api/v1/otp/verify', { body: { email, otp: wrongCode } })).status).toBe(400);
    expect((await app.request('POST', '/api/v1/otp/verify', { body: { email, otp: code } })).status).toBe(200);

    expect((await app.request('POST', '/api/v1/auth/login', { body: { email, password: passwords[3] } })).status).toBe(401);
    const login = await app.request('POST', '/api/v1/auth/login', { body: { email, password: passwords[0] } });
    expect(login.status).toBe(200);
    tokens.push(login.body.data.accessToken, login.body.data.refreshToken);

    const me = await app.request('GET', '/api/v1/user/me', { token: login.body.data.accessToken });
    expect(me.status).toBe(200);
    const byBody = await app.request('POST', '/api/v1/auth/refresh-token', { body: { refreshToken: login.body.data.refreshToken } });
    expect(byBody.status).toBe(200);
    tokens.push(byBody.body.data.accessToken, byBody.body.data.refreshToken);
    const byCookie = await app.request('POST', '/api/v1/auth/refresh-token', { cookies: byBody.cookies, headers: { origin: 'http://localhost:5173' } });
    expect(byCookie.status).toBe(200);
    tokens.push(byCookie.body.data.accessToken, byCookie.body.data.refreshToken);
    // reusing a rotated token revokes the family: an error path that must not echo it either
    expect((await app.request('POST', '/api/v1/auth/refresh-token', { body: { refreshToken: login.body.data.refreshToken } })).status).toBe(401);

    const relog = await app.request('POST', '/api/v1/auth/login', { body: { email, password: passwords[0] } });
    tokens.push(relog.body.data.accessToken, relog.body.data.refreshToken);
    const changed = await app.request('POST', '/api/v1/auth/change-password', {
      token: relog.body.data.accessToken, body: { oldPassword: passwords[0], newPassword: passwords[1] },
    });
    expect(changed.status).toBe(200);
    tokens.push(changed.body.data.accessToken, changed.body.data.refreshToken);

    expect((await app.request('POST', '/api/v1/auth/forgot-password', { body: { email } })).status).toBe(200);
    const resetToken = /token=([^&\s]+)/.exec(await lastMailText())![1];
    tokens.push(decodeURIComponent(resetToken));
    const reset = await app.request('POST', '/api/v1/auth/reset-password', { body: { token: decodeURIComponent(resetToken), newPassword: passwords[2] } });
    expect(reset.status).toBe(200);
    expect((await app.request('POST', '/api/v1/auth/reset-password', { body: { token: decodeURIComponent(resetToken), newPassword: passwords[2] } })).status).toBe(400);
    const final = await app.request('POST', '/api/v1/auth/login', { body: { email, password: passwords[2] } });
    expect(final.status).toBe(200);
    tokens.push(final.body.data.accessToken, final.body.data.refreshToken);
    expect((await app.request('POST', '/api/v1/auth/logout', { cookies: final.cookies, headers: { origin: 'http://localhost:5173' } })).status).toBe(200);

    // The capture works: every request above was logged, with its request id.
    const requestLines = logs.lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request');
    expect(requestLines.length).toBeGreaterThanOrEqual(16);
    expect(requestLines.every((l) => typeof l.requestId === 'string')).toBe(true);

    const text = logs.text();
    for (const secret of [...passwords, ...tokens]) {
      expect(secret.length).toBeGreaterThanOrEqual(8);
      expect(text).not.toContain(secret);
    }
    // A six-digit code could hide in a timestamp by chance, so codes are looked for in string values only.
    const strings = logs.strings().filter((s) => !UUID.test(s));
    for (const c of codes) expect(strings.filter((s) => new RegExp(`(^|\\D)${c}(\\D|$)`).test(s))).toEqual([]);
  });
});
