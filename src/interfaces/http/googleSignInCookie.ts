import { createHmac, timingSafeEqual } from 'node:crypto';
import { PendingSignIn } from '../../application/auth/StartGoogleSignIn';

/** What the browser carries between /auth/google and its callback. */
export interface SignInCookie extends PendingSignIn {
  /** A path on the front end to land on afterwards. */
  returnTo: string;
  expiresAt: number;
}

const RETURN_PATH_MAX = 1024;

/** A key used for nothing else, derived from an existing secret so the feature needs no variable of its own. */
export function signInCookieKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('tourdesk/google-sign-in-cookie/v1').digest();
}

const mac = (payload: string, key: Buffer) => createHmac('sha256', key).update(payload).digest('base64url');

/** `base64url(JSON).base64url(HMAC-SHA256)`: readable by its owner, but any change breaks the tag. */
export function sealSignIn(value: SignInCookie, key: Buffer): string {
  const payload = Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
  return `${payload}.${mac(payload, key)}`;
}

/** The cookie's content when its tag is ours and it has not expired; otherwise null. */
export function openSignIn(sealed: string | undefined, key: Buffer, now: Date): SignInCookie | null {
  const [payload, tag, ...rest] = (sealed ?? '').split('.');
  if (!payload || !tag || rest.length || !sameSecret(tag, mac(payload, key))) return null;
  let value: Partial<Record<keyof SignInCookie, unknown>>;
  try {
    value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const texts = [value.state, value.nonce, value.codeVerifier, value.returnTo];
  if (!texts.every((t) => typeof t === 'string' && t) || typeof value.expiresAt !== 'number') return null;
  return value.expiresAt > now.getTime() ? (value as SignInCookie) : null;
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Where on the front end to land after signing in: only a path with a single leading `/`
 * (no scheme, no `//host`, no backslashes or control characters, which browsers rewrite),
 * so the redirect never leaves FRONTEND_URL. Anything else is ignored in favour of `/`.
 */
export function safeReturnPath(value: unknown, frontendUrl: string): string {
  if (typeof value !== 'string' || value.length > RETURN_PATH_MAX) return '/';
  if (!/^\/(?![/\\])/.test(value) || /[\\\u0000-\u001f\u007f]/.test(value)) return '/';
  try {
    return new URL(frontendUrl + value).origin === new URL(frontendUrl).origin ? value : '/';
  } catch {
    return '/';
  }
}
