import { createHmac } from 'node:crypto';
import { EncryptJWT, SignJWT } from 'jose';
import type { SignInCookie} from '../../../../src/interfaces/http/googleSignInCookie';
import { openSignIn, safeReturnPath, sealSignIn, signInCookieKey } from '../../../../src/interfaces/http/googleSignInCookie';

const FRONTEND = 'https://app.tourdesk.example';
const now = new Date('2026-03-01T10:00:00.000Z');
const expiresAt = new Date(now.getTime() + 600_000);
const key = signInCookieKey('refresh-secret-0123456789abcdef0123456789');
const value: SignInCookie = {
  state: 'state-Q2xlYXJseSBub3QgYSByZWFsIHN0YXRl', nonce: 'nonce-bm90IGEgcmVhbCBub25jZSBlaXRoZXI',
  codeVerifier: 'verifier-dGhlIFBLQ0UgdmVyaWZpZXIgc3RheXMgc2VjcmV0', returnTo: '/tours/cox-bazar',
};

/** Each dot-separated segment's bytes: two cookies that differ only in ignored base64 padding bits carry the same bytes. */
const bytes = (sealed: string) => sealed.split('.').map((segment) => Buffer.from(segment, 'base64url').toString('hex')).join('.');

describe('the Google sign-in cookie', () => {
  it('opens what it sealed until it expires', async () => {
    const sealed = await sealSignIn(value, key, expiresAt);
    await expect(openSignIn(sealed, key, now)).resolves.toEqual(value);
    await expect(openSignIn(sealed, key, new Date(expiresAt.getTime() - 1000))).resolves.toEqual(value);
    await expect(openSignIn(sealed, key, expiresAt)).resolves.toBeNull();
  });

  it('is encrypted: neither the PKCE verifier nor any other field can be read from it', async () => {
    const sealed = await sealSignIn(value, key, expiresAt);
    const readable = sealed.split('.').map((segment) => Buffer.from(segment, 'base64url').toString('latin1')).join('\n');
    for (const field of Object.values(value)) expect(readable).not.toContain(field);
  });

  it('refuses every one-character change (tampering anywhere: header, IV, ciphertext or tag)', async () => {
    const sealed = await sealSignIn(value, key, expiresAt);
    let changed = 0;
    for (let i = 0; i < sealed.length; i += 1) {
      const forged = `${sealed.slice(0, i)}${sealed[i] === 'A' ? 'B' : 'A'}${sealed.slice(i + 1)}`;
      if (bytes(forged) === bytes(sealed)) continue;
      changed += 1;
      await expect(openSignIn(forged, key, now)).resolves.toBeNull();
    }
    expect(changed).toBeGreaterThan(sealed.length * 0.9);
  });

  it('refuses fields swapped between two cookies and segments in another order', async () => {
    const mine = (await sealSignIn(value, key, expiresAt)).split('.');
    const theirs = (await sealSignIn({ ...value, returnTo: '/admin' }, key, expiresAt)).split('.');
    const [header, encryptedKey, iv, ciphertext, tag] = mine;
    const swapped = [
      [header, encryptedKey, theirs[2], ciphertext, tag],
      [header, encryptedKey, iv, theirs[3], tag],
      [header, encryptedKey, iv, ciphertext, theirs[4]],
      [header, encryptedKey, iv, theirs[3], theirs[4]],
      [header, encryptedKey, ciphertext, iv, tag],
    ];
    for (const parts of swapped) await expect(openSignIn(parts.join('.'), key, now)).resolves.toBeNull();
  });

  it('refuses a cookie sealed with another key, or signed instead of encrypted', async () => {
    const otherKey = signInCookieKey('another-secret-0123456789abcdef0123456789');
    await expect(openSignIn(await sealSignIn(value, otherKey, expiresAt), key, now)).resolves.toBeNull();
    const exp = Math.floor(expiresAt.getTime() / 1000);
    const signed = await new SignJWT({ ...value }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime(exp).sign(key);
    await expect(openSignIn(signed, key, now)).resolves.toBeNull();
    const legacy = Buffer.from(JSON.stringify({ ...value, expiresAt: expiresAt.getTime() })).toString('base64url');
    await expect(openSignIn(`${legacy}.${createHmac('sha256', key).update(legacy).digest('base64url')}`, key, now)).resolves.toBeNull();
  });

  it('refuses a well-sealed cookie of the wrong shape or without an expiry', async () => {
    const { nonce: _dropped, ...partial } = value;
    await expect(openSignIn(await sealSignIn(partial as SignInCookie, key, expiresAt), key, now)).resolves.toBeNull();
    await expect(openSignIn(await sealSignIn({ ...value, codeVerifier: 42 } as unknown as SignInCookie, key, expiresAt), key, now)).resolves.toBeNull();
    const forever = await new EncryptJWT({ ...value }).setProtectedHeader({ alg: 'dir', enc: 'A256GCM' }).encrypt(key);
    await expect(openSignIn(forever, key, now)).resolves.toBeNull();
  });

  it.each([
    ['no cookie', undefined], ['an empty one', ''], ['one word', 'abc'], ['empty segments', '....'], ['short segments', 'a.b.c.d.e'],
    ['non-base64 segments', '%%%.%%%.%%%.%%%.%%%'], ['5000 characters', 'x'.repeat(5000)],
  ])('refuses garbage: %s', async (_what, junk) => {
    await expect(openSignIn(junk, key, now)).resolves.toBeNull();
  });
});

describe('safeReturnPath', () => {
  it.each(['/', '/tours', '/tours/cox-bazar?page=2#reviews', '/bookings/b-1'])('keeps the front-end path %s', (path) => {
    expect(safeReturnPath(path, FRONTEND)).toBe(path);
  });

  it.each([
    'https://evil.example', '//evil.example', '/\\evil.example', '\\\\evil.example', 'evil.example', 'javascript:alert(1)',
    '/\tevil', '/tours\nSet-Cookie: x=1', '', `/${'a'.repeat(1100)}`, undefined, 42,
  ])('ignores %p in favour of /', (path) => {
    expect(safeReturnPath(path, FRONTEND)).toBe('/');
  });
});
