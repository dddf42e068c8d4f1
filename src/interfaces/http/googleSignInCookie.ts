import { createHmac, timingSafeEqual } from 'node:crypto';
import { EncryptJWT, errors, jwtDecrypt } from 'jose';
import type { PendingSignIn } from '../../application/auth/StartGoogleSignIn';

/** What the browser carries between /auth/google and its callback. */
export interface SignInCookie extends PendingSignIn {
  /** A path on the front end to land on afterwards. */
  returnTo: string;
}

const RETURN_PATH_MAX = 1024;
const ENCRYPTION = { alg: 'dir', enc: 'A256GCM' } as const;

/** A key used for nothing else, derived from an existing secret so the feature needs no variable of its own. */
export function signInCookieKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('tourdesk/google-sign-in-cookie/v2').digest();
}

/** An encrypted JWT (JWE, AES-256-GCM): the browser can neither read the PKCE verifier nor change a byte unnoticed. */
export function sealSignIn(value: SignInCookie, key: Buffer, expiresAt: Date): Promise<string> {
  return new EncryptJWT({ ...value }).setProtectedHeader(ENCRYPTION).setExpirationTime(Math.floor(expiresAt.getTime() / 1000)).encrypt(key);
}

/** The cookie's content when we sealed it with this key and it has not expired; otherwise null. */
export async function openSignIn(sealed: string | undefined, key: Buffer, now: Date): Promise<SignInCookie | null> {
  if (!sealed) return null;
  try {
    const { payload } = await jwtDecrypt(sealed, key, {
      keyManagementAlgorithms: [ENCRYPTION.alg], contentEncryptionAlgorithms: [ENCRYPTION.enc], requiredClaims: ['exp'], currentDate: now,
    });
    const { state, nonce, codeVerifier, returnTo } = payload;
    const fields = [state, nonce, codeVerifier, returnTo];
    return fields.every((field) => typeof field === 'string' && field) ? ({ state, nonce, codeVerifier, returnTo } as SignInCookie) : null;
  } catch (error) {
    if (error instanceof errors.JOSEError) return null;
    throw error;
  }
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
  // eslint-disable-next-line no-control-regex -- control characters are exactly what a return path must not carry
  if (!/^\/(?![/\\])/.test(value) || /[\\\u0000-\u001f\u007f]/.test(value)) return '/';
  try {
    return new URL(frontendUrl + value).origin === new URL(frontendUrl).origin ? value : '/';
  } catch {
    return '/';
  }
}
