import { User } from '../../../../src/domain/user/User';
import { Forbidden, Unauthenticated } from '../../../../src/domain/shared/errors';
import { UserMother } from '../../../mothers/UserMother';
import type { AccountsKit} from '../accountsKit';
import { REFRESH_TTL_MS, accountsKit } from '../accountsKit';

async function loggedIn(kit: AccountsKit, email = 'rahim@example.com') {
  const user = UserMother.traveller({ email });
  await kit.given(user);
  const session = await kit.login.execute({ email, password: UserMother.PASSWORD });
  return { user, session };
}

describe('RefreshAccessToken', () => {
  it('rotates: a new pair in the same family, the old token marked used', async () => {
    const kit = accountsKit();
    const { user, session } = await loggedIn(kit);
    kit.clock.advance(60_000);
    const next = await kit.refresh.execute(session.refreshToken);
    expect(next.refreshToken).not.toBe(session.refreshToken);
    expect(kit.accessTokens.verify(next.accessToken).userId).toBe(user.id);
    const [first, second] = kit.sessions.all();
    expect(first.rotatedAt).toEqual(kit.clock.now());
    expect(second).toMatchObject({ familyId: first.familyId, tokenHash: kit.secrets.hash(next.refreshToken), rotatedAt: null, revokedAt: null });
    await expect(kit.refresh.execute(next.refreshToken)).resolves.toHaveProperty('accessToken');
  });

  it('treats a reused token as a leak: revokes the whole family, newest token too, and commits that although it throws', async () => {
    const kit = accountsKit();
    const { session } = await loggedIn(kit);
    const next = await kit.refresh.execute(session.refreshToken);
    const other = await kit.login.execute({ email: 'rahim@example.com', password: UserMother.PASSWORD });

    await expect(kit.refresh.execute(session.refreshToken)).rejects.toThrow(expect.objectContaining({ constructor: Unauthenticated, code: 'AUTH.REFRESH_REUSED' }));

    const family = kit.sessions.all().filter((s) => s.tokenHash !== kit.secrets.hash(other.refreshToken));
    expect(family).toHaveLength(2);
    expect(family.every((s) => s.revokedAt !== null)).toBe(true);
    await expect(kit.refresh.execute(next.refreshToken)).rejects.toThrow(Unauthenticated);
    // A different login of the same user is another family and survives.
    await expect(kit.refresh.execute(other.refreshToken)).resolves.toHaveProperty('accessToken');
  });

  it('lets only one of two simultaneous refreshes with the same token win, and then revokes the family', async () => {
    const kit = accountsKit();
    const { session } = await loggedIn(kit);
    const outcomes = await Promise.allSettled([kit.refresh.execute(session.refreshToken), kit.refresh.execute(session.refreshToken)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(kit.liveSessions(session.user.id)).toHaveLength(0);
  });

  it.each([
    ['unknown', 'no-such-token'],
    ['empty', ''],
  ])('refuses an %s token', async (_why, token) => {
    const kit = accountsKit();
    await loggedIn(kit);
    await expect(kit.refresh.execute(token)).rejects.toThrow(expect.objectContaining({ code: 'AUTH.REFRESH_INVALID' }));
  });

  it('refuses an expired token without revoking anything', async () => {
    const kit = accountsKit();
    const { session } = await loggedIn(kit);
    kit.clock.advance(REFRESH_TTL_MS);
    await expect(kit.refresh.execute(session.refreshToken)).rejects.toThrow(expect.objectContaining({ code: 'AUTH.REFRESH_INVALID' }));
    expect(kit.sessions.all()[0]).toMatchObject({ rotatedAt: null, revokedAt: null });
  });

  it('refuses a logged-out token', async () => {
    const kit = accountsKit();
    const { session } = await loggedIn(kit);
    await kit.logout.execute({ refreshToken: session.refreshToken });
    await expect(kit.refresh.execute(session.refreshToken)).rejects.toThrow(expect.objectContaining({ code: 'AUTH.REFRESH_INVALID' }));
  });

  it('refuses a user who was blocked since logging in, leaving the token unused', async () => {
    const kit = accountsKit();
    const { user, session } = await loggedIn(kit);
    await kit.users.save(User.restore({ ...user.toProps(), status: 'BLOCKED' }));
    await expect(kit.refresh.execute(session.refreshToken)).rejects.toThrow(Forbidden);
    expect(kit.sessions.all()[0].rotatedAt).toBeNull();
  });

  it('refuses the session of a user an admin blocked: blocking revoked it, and unblocking does not bring it back', async () => {
    const kit = accountsKit();
    const { user, session } = await loggedIn(kit);
    const admin = UserMother.admin();
    await kit.given(admin);
    await kit.updateUser.execute({ userId: admin.id, role: 'ADMIN' }, user.id, { status: 'BLOCKED' });
    await kit.updateUser.execute({ userId: admin.id, role: 'ADMIN' }, user.id, { status: 'ACTIVE' });
    await expect(kit.refresh.execute(session.refreshToken)).rejects.toThrow(expect.objectContaining({ code: 'AUTH.REFRESH_INVALID' }));
  });
});
