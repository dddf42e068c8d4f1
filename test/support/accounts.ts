import type { ApiResponse, TestApp} from './testApp';
import { startTestApp } from './testApp';

export const SUPER_ADMIN = { email: 'root@tourdesk.example.com', password: 'R00t!password' };
export const PASSWORD = 'Str0ng!pass';

let n = 0;

/** The app with a super admin configured (created at start-up). */
export function startAppWithSuperAdmin(env: Record<string, string> = {}, options: Parameters<typeof startTestApp>[1] = {}): Promise<TestApp> {
  return startTestApp({ SUPER_ADMIN_EMAIL: SUPER_ADMIN.email, SUPER_ADMIN_PASSWORD: SUPER_ADMIN.password, ...env }, options);
}

export interface LoggedIn {
  id: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
  /** `accessToken` and `refreshToken` cookies as the server set them. */
  cookies: Record<string, string>;
  response: ApiResponse;
}

export async function login(app: Pick<TestApp, 'request'>, email: string, password: string): Promise<LoggedIn> {
  const response = await app.request('POST', '/api/v1/auth/login', { body: { email, password } });
  if (response.status !== 200) throw new Error(`login of ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
  const { accessToken, refreshToken, user } = response.body.data;
  return { id: user._id, email, password, accessToken, refreshToken, cookies: response.cookies, response };
}

export function loginSuperAdmin(app: Pick<TestApp, 'request'>): Promise<LoggedIn> {
  return login(app, SUPER_ADMIN.email, SUPER_ADMIN.password);
}

/** Registers an account through the API and returns its id (unverified). */
export async function register(app: Pick<TestApp, 'request'>, fields: Record<string, unknown> = {}): Promise<{ id: string; email: string; password: string }> {
  n += 1;
  const body = { name: `Traveller ${n}`, email: `traveller${n}-${Date.now()}@example.com`, password: PASSWORD, ...fields };
  const response = await app.request('POST', '/api/v1/user/register', { body });
  if (response.status !== 201) throw new Error(`register failed: ${response.status} ${JSON.stringify(response.body)}`);
  return { id: response.body.data._id, email: String(body.email).toLowerCase(), password: String(body.password) };
}

/** Registers, has an admin verify (and optionally promote) the account, and logs it in. */
export async function verifiedUser(app: Pick<TestApp, 'request'>, admin: LoggedIn, changes: Record<string, unknown> = {}, fields: Record<string, unknown> = {}): Promise<LoggedIn> {
  const account = await register(app, fields);
  const patched = await app.request('PATCH', `/api/v1/user/${account.id}`, { token: admin.accessToken, body: { isVerified: true, ...changes } });
  if (patched.status !== 200) throw new Error(`verify failed: ${patched.status} ${JSON.stringify(patched.body)}`);
  return login(app, account.email, account.password);
}

/** The attributes of one Set-Cookie line, lower-cased names: `{ httponly: true, samesite: 'Lax', ... }`. */
export function cookieAttributes(setCookie: string[], name: string): Record<string, string | true> {
  const line = setCookie.find((c) => c.startsWith(`${name}=`));
  if (!line) throw new Error(`no Set-Cookie for ${name} in ${JSON.stringify(setCookie)}`);
  const [, ...attributes] = line.split(';').map((p) => p.trim());
  return Object.fromEntries(attributes.map((a) => {
    const [key, ...value] = a.split('=');
    return [key.toLowerCase(), value.length ? value.join('=') : true];
  }));
}

/** The reset link the mailer wrote last, as `{ id, token }`. */
export async function lastResetLink(app: TestApp): Promise<{ id: string; token: string }> {
  const mail = [...(await app.mails())].reverse().find((m) => m.includes('reset-password?id='));
  if (!mail) throw new Error('no reset mail in the outbox');
  // Quoted-printable soft line breaks and =3D can split the link in the raw .eml.
  const decoded = mail.replace(/=\r?\n/g, '').replace(/=3D/gi, '=');
  const match = /reset-password\?id=([A-Za-z0-9-]+)&(?:amp;)?token=([A-Za-z0-9_-]+)/.exec(decoded);
  if (!match) throw new Error('no reset link in the mail');
  return { id: match[1], token: match[2] };
}
