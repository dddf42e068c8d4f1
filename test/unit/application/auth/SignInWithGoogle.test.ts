import { SignInWithGoogle } from '../../../../src/application/auth/SignInWithGoogle';
import { StartGoogleSignIn } from '../../../../src/application/auth/StartGoogleSignIn';
import type { VerifiedIdentity } from '../../../../src/application/ports/IdentityProvider';
import { DependencyUnavailable, Forbidden, Unauthenticated } from '../../../../src/domain/shared/errors';
import { FakeIdentityProvider } from '../../../fakes/FakeIdentityProvider';
import { UserMother } from '../../../mothers/UserMother';
import { accountsKit } from '../accountsKit';

const REDIRECT_URI = 'https://api.example.com/api/v1/auth/google/callback';

function googleKit() {
  const kit = accountsKit();
  const provider = new FakeIdentityProvider();
  const start = new StartGoogleSignIn(provider, kit.secrets);
  const signIn = new SignInWithGoogle(provider, kit.users, kit.tokens, kit.ids, kit.clock, kit.uow);
  /** The whole round trip: start, the user consents at Google as `who`, the callback finishes it. */
  async function signInAs(who: VerifiedIdentity) {
    const { authorizationUrl, pending } = await start.execute({ redirectUri: REDIRECT_URI });
    const code = provider.consent(authorizationUrl, who).searchParams.get('code')!;
    return signIn.execute({ code, codeVerifier: pending.codeVerifier, nonce: pending.nonce, redirectUri: REDIRECT_URI });
  }
  return { ...kit, provider, start, signIn, signInAs };
}

const google = (overrides: Partial<VerifiedIdentity> = {}): VerifiedIdentity => ({
  subject: '109876543210987654321', email: 'rahim@gmail.com', emailVerified: true, name: 'Rahim Uddin', ...overrides,
});

describe('StartGoogleSignIn', () => {
  it('makes a fresh state, nonce and PKCE verifier for every attempt, and a URL carrying them (never the verifier)', async () => {
    const kit = googleKit();
    const a = await kit.start.execute({ redirectUri: REDIRECT_URI });
    const b = await kit.start.execute({ redirectUri: REDIRECT_URI });
    const secrets = [a.pending.state, a.pending.nonce, a.pending.codeVerifier, b.pending.state, b.pending.nonce, b.pending.codeVerifier];
    expect(new Set(secrets).size).toBe(6);
    expect(a.pending.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
    const url = new URL(a.authorizationUrl);
    expect(url.searchParams.get('state')).toBe(a.pending.state);
    expect(url.searchParams.get('nonce')).toBe(a.pending.nonce);
    expect(a.authorizationUrl).not.toContain(a.pending.codeVerifier);
  });
});

describe('SignInWithGoogle', () => {
  it('registers a new Google user: verified, no password, linked, with a session', async () => {
    const kit = googleKit();
    const result = await kit.signInAs(google());
    expect(result.user).toMatchObject({ name: 'Rahim Uddin', role: 'USER', isVerified: true, passwordHash: null, googleId: '109876543210987654321' });
    expect(result.user.email.value).toBe('rahim@gmail.com');
    expect(kit.users.all()).toHaveLength(1);
    expect(kit.accessTokens.verify(result.accessToken).userId).toBe(result.user.id);
    expect(kit.liveSessions(result.user.id)).toHaveLength(1);
  });

  it('names a user without a Google name after the email', async () => {
    const kit = googleKit();
    const result = await kit.signInAs(google({ name: null, email: 'karim.s@gmail.com' }));
    expect(result.user.name).toBe('karim.s');
  });

  it('signs an already linked user in by the Google id, even after the Google email changed', async () => {
    const kit = googleKit();
    const existing = UserMother.googleOnly({ googleId: 'g-42', email: 'old@gmail.com' });
    await kit.given(existing);
    const result = await kit.signInAs(google({ subject: 'g-42', email: 'new@gmail.com' }));
    expect(result.user.id).toBe(existing.id);
    expect((await kit.users.findById(existing.id))!.email.value).toBe('old@gmail.com');
    expect(kit.users.all()).toHaveLength(1);
  });

  it('links an existing password account with the same verified email, which keeps its password', async () => {
    const kit = googleKit();
    const existing = UserMother.traveller({ email: 'rahim@gmail.com' });
    await kit.given(existing);
    const result = await kit.signInAs(google({ email: 'Rahim@Gmail.com' }));
    expect(result.user.id).toBe(existing.id);
    const stored = (await kit.users.findById(existing.id))!;
    expect(stored.googleId).toBe('109876543210987654321');
    await expect(kit.login.execute({ email: 'rahim@gmail.com', password: UserMother.PASSWORD })).resolves.toHaveProperty('accessToken');
    expect(kit.users.all()).toHaveLength(1);
  });

  it('verifies an unverified account it links, and voids the password someone set on the unproven address', async () => {
    const kit = googleKit();
    const squatted = UserMother.unverified({ email: 'rahim@gmail.com' });
    await kit.given(squatted);
    const result = await kit.signInAs(google());
    expect(result.user.id).toBe(squatted.id);
    const stored = (await kit.users.findById(squatted.id))!;
    expect(stored).toMatchObject({ isVerified: true, passwordHash: null });
    await expect(kit.login.execute({ email: 'rahim@gmail.com', password: UserMother.PASSWORD })).rejects.toThrow(Unauthenticated);
  });

  it('never links nor registers an email Google has not verified (403), and changes nothing', async () => {
    const kit = googleKit();
    const existing = UserMother.traveller({ email: 'rahim@gmail.com' });
    await kit.given(existing);
    const refusal = expect.objectContaining({ constructor: Forbidden, code: 'AUTH.GOOGLE_EMAIL_UNVERIFIED' });
    await expect(kit.signInAs(google({ emailVerified: false }))).rejects.toThrow(refusal);
    await expect(kit.signInAs(google({ emailVerified: false, email: 'nobody@gmail.com', subject: 'g-other' }))).rejects.toThrow(refusal);
    expect(kit.users.all().map((u) => [u.id, u.googleId])).toEqual([[existing.id, null]]);
    expect(kit.sessions.all()).toHaveLength(0);
  });

  it('refuses to move an account linked to one Google account over to another with the same email', async () => {
    const kit = googleKit();
    await kit.given(UserMother.googleOnly({ googleId: 'g-first', email: 'rahim@gmail.com' }));
    await expect(kit.signInAs(google({ subject: 'g-second' }))).rejects.toThrow(expect.objectContaining({ code: 'USER.GOOGLE_ACCOUNT_MISMATCH' }));
    expect((await kit.users.findByGoogleId('g-second'))).toBeNull();
  });

  it.each([
    ['blocked', UserMother.blocked, 'USER.BLOCKED'],
    ['inactive', UserMother.inactive, 'USER.INACTIVE'],
    ['deleted', UserMother.deleted, 'USER.DELETED'],
  ])('refuses a %s account, whether found by Google id or by email, without linking it', async (_state, make, code) => {
    const kit = googleKit();
    const byGoogle = make({ googleId: 'g-linked', email: 'linked@gmail.com' });
    const byEmail = make({ email: 'rahim@gmail.com' });
    await kit.given(byGoogle, byEmail);
    await expect(kit.signInAs(google({ subject: 'g-linked', email: 'linked@gmail.com' }))).rejects.toThrow(expect.objectContaining({ constructor: Forbidden, code }));
    await expect(kit.signInAs(google())).rejects.toThrow(expect.objectContaining({ constructor: Forbidden, code }));
    expect((await kit.users.findById(byEmail.id))!.googleId).toBeNull();
    expect(kit.sessions.all()).toHaveLength(0);
  });

  it('lets a refused code or an unreachable provider through, creating nothing', async () => {
    const kit = googleKit();
    await expect(kit.signIn.execute({ code: 'forged', codeVerifier: 'v', nonce: 'n', redirectUri: REDIRECT_URI })).rejects.toThrow(Unauthenticated);
    kit.provider.unreachable = true;
    await expect(kit.signIn.execute({ code: 'any', codeVerifier: 'v', nonce: 'n', redirectUri: REDIRECT_URI })).rejects.toThrow(DependencyUnavailable);
    expect(kit.users.all()).toHaveLength(0);
  });

  it('starts a new session family on every sign-in of the same user', async () => {
    const kit = googleKit();
    const first = await kit.signInAs(google());
    const second = await kit.signInAs(google());
    expect(second.user.id).toBe(first.user.id);
    expect(new Set(kit.sessions.all().map((s) => s.familyId)).size).toBe(2);
  });
});
