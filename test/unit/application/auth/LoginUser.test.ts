import { Forbidden, Unauthenticated } from '../../../../src/domain/shared/errors';
import { UserMother } from '../../../mothers/UserMother';
import { accountsKit } from '../accountsKit';

async function failure(promise: Promise<unknown>): Promise<{ type: string; code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as Error & { code: string };
    return { type: e.constructor.name, code: e.code, message: e.message };
  }
  throw new Error('expected a failure');
}

describe('LoginUser', () => {
  it('issues an access token for the user and stores only a hash of the refresh token', async () => {
    const kit = accountsKit();
    const user = UserMother.traveller({ email: 'rahim@example.com' });
    await kit.given(user);
    const result = await kit.login.execute({ email: ' Rahim@Example.com ', password: UserMother.PASSWORD });
    expect(result.user.id).toBe(user.id);
    const [session] = kit.sessions.all();
    expect(kit.accessTokens.verify(result.accessToken)).toEqual({ userId: user.id, email: 'rahim@example.com', role: 'USER', sessionId: session.familyId });
    expect(session).toMatchObject({ userId: user.id, tokenHash: kit.secrets.hash(result.refreshToken), rotatedAt: null, revokedAt: null });
    expect(JSON.stringify(kit.sessions.all())).not.toContain(result.refreshToken);
  });

  it('answers an unknown email and a wrong password with the same 401', async () => {
    const kit = accountsKit();
    await kit.given(UserMother.traveller({ email: 'rahim@example.com' }));
    const unknown = await failure(kit.login.execute({ email: 'nobody@example.com', password: UserMother.PASSWORD }));
    const wrong = await failure(kit.login.execute({ email: 'rahim@example.com', password: 'Wr0ng!pass' }));
    const malformed = await failure(kit.login.execute({ email: 'not an email', password: UserMother.PASSWORD }));
    expect(unknown).toEqual({ type: Unauthenticated.name, code: 'AUTH.INVALID_CREDENTIALS', message: 'Invalid email or password' });
    expect(wrong).toEqual(unknown);
    expect(malformed).toEqual(unknown);
    expect(kit.sessions.all()).toHaveLength(0);
  });

  it('refuses a Google-only account a password login with the same 401', async () => {
    const kit = accountsKit();
    await kit.given(UserMother.googleOnly({ email: 'g@example.com' }));
    const outcome = await failure(kit.login.execute({ email: 'g@example.com', password: UserMother.PASSWORD }));
    expect(outcome.code).toBe('AUTH.INVALID_CREDENTIALS');
  });

  it.each([
    ['blocked', UserMother.blocked, 'USER.BLOCKED', 'User is blocked'],
    ['inactive', UserMother.inactive, 'USER.INACTIVE', 'User is inactive'],
    ['deleted', UserMother.deleted, 'USER.DELETED', 'User is deleted'],
    ['unverified', UserMother.unverified, 'USER.NOT_VERIFIED', 'User is not verified'],
  ])('answers a %s user 403 once the password matched, and 401 before', async (_state, make, code, message) => {
    const kit = accountsKit();
    await kit.given(make({ email: 'someone@example.com' }));
    expect(await failure(kit.login.execute({ email: 'someone@example.com', password: UserMother.PASSWORD }))).toEqual({ type: Forbidden.name, code, message });
    expect((await failure(kit.login.execute({ email: 'someone@example.com', password: 'Wr0ng!pass' }))).code).toBe('AUTH.INVALID_CREDENTIALS');
    expect(kit.sessions.all()).toHaveLength(0);
  });

  it('starts a new session family on every login', async () => {
    const kit = accountsKit();
    await kit.given(UserMother.traveller({ email: 'rahim@example.com' }));
    await kit.login.execute({ email: 'rahim@example.com', password: UserMother.PASSWORD });
    await kit.login.execute({ email: 'rahim@example.com', password: UserMother.PASSWORD });
    const families = new Set(kit.sessions.all().map((s) => s.familyId));
    expect(families.size).toBe(2);
  });
});
