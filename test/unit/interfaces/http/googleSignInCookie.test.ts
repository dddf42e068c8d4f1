import { SignInCookie, openSignIn, safeReturnPath, sealSignIn, signInCookieKey } from '../../../../src/interfaces/http/googleSignInCookie';

const FRONTEND = 'https://app.tourdesk.example';
const now = new Date('2026-03-01T10:00:00.000Z');
const key = signInCookieKey('refresh-secret-0123456789abcdef0123456789');
const value: SignInCookie = { state: 'st', nonce: 'no', codeVerifier: 've', returnTo: '/tours', expiresAt: now.getTime() + 600_000 };

describe('the Google sign-in cookie', () => {
  it('opens what it sealed until it expires', () => {
    const sealed = sealSignIn(value, key);
    expect(openSignIn(sealed, key, now)).toEqual(value);
    expect(openSignIn(sealed, key, new Date(value.expiresAt))).toBeNull();
  });

  it('refuses a changed payload, a changed tag, another key, and garbage', () => {
    const sealed = sealSignIn(value, key);
    const [payload, tag] = sealed.split('.');
    const forged = Buffer.from(JSON.stringify({ ...value, returnTo: '/admin' })).toString('base64url');
    expect(openSignIn(`${forged}.${tag}`, key, now)).toBeNull();
    expect(openSignIn(`${payload}.${tag.slice(0, -2)}AA`, key, now)).toBeNull();
    expect(openSignIn(sealed, signInCookieKey('another-secret-0123456789abcdef0123456789'), now)).toBeNull();
    for (const junk of [undefined, '', 'abc', `${payload}.`, `.${tag}`, `${payload}.${tag}.x`]) expect(openSignIn(junk, key, now)).toBeNull();
  });

  it('refuses a well-signed cookie of the wrong shape', () => {
    const { nonce: _dropped, ...partial } = value;
    expect(openSignIn(sealSignIn(partial as SignInCookie, key), key, now)).toBeNull();
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
