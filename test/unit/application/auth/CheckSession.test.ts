import { STANDING_TTL_MS } from '../../../../src/application/auth/CheckSession';
import { CheckSession } from '../../../../src/application/auth/CheckSession';
import type { SessionStandingCache } from '../../../../src/application/ports/SessionStandingCache';
import { DependencyUnavailable } from '../../../../src/domain/shared/errors';
import { User } from '../../../../src/domain/user/User';
import { UserMother } from '../../../mothers/UserMother';
import { accountsKit } from '../accountsKit';

async function loggedIn() {
  const kit = accountsKit();
  const user = UserMother.admin({ email: 'ops@example.com' });
  await kit.given(user);
  const session = await kit.login.execute({ email: 'ops@example.com', password: UserMother.PASSWORD });
  return { kit, user, session, claims: kit.accessTokens.verify(session.accessToken) };
}

const ended = expect.objectContaining({ code: 'AUTH.SESSION_ENDED' });

describe('CheckSession', () => {
  it('lets a live session through as its actor', async () => {
    const { kit, user, claims } = await loggedIn();
    await expect(kit.checkSession.execute(claims)).resolves.toEqual({ userId: user.id, role: 'ADMIN', sessionId: claims.sessionId });
  });

  it.each([
    ['blocked', { status: 'BLOCKED' as const }],
    ['deactivated', { status: 'INACTIVE' as const }],
    ['deleted', { isDeleted: true }],
  ])('sees a user %s behind its back (another process, no shared cache) within the standing TTL, under 5 s', async (_how, change) => {
    const { kit, user, claims } = await loggedIn();
    await kit.checkSession.execute(claims);
    await kit.users.save(User.restore({ ...user.toProps(), ...change }));
    kit.clock.advance(STANDING_TTL_MS - 1);
    await expect(kit.checkSession.execute(claims)).resolves.toBeDefined();
    kit.clock.advance(1);
    await expect(kit.checkSession.execute(claims)).rejects.toThrow(ended);
    expect(STANDING_TTL_MS).toBeLessThan(5_000);
  });

  it('refuses at once when the revoking use case tells the cache', async () => {
    const { kit, user, claims } = await loggedIn();
    await kit.checkSession.execute(claims);
    await kit.logoutAll.execute(user.id);
    await expect(kit.checkSession.execute(claims)).rejects.toThrow(ended);
  });

  it('answers a token whose role changed as expired, so the client refreshes into the new role', async () => {
    const { kit, user, session, claims } = await loggedIn();
    const boss = UserMother.superAdmin();
    await kit.given(boss);
    await kit.updateUser.execute({ userId: boss.id, role: 'SUPER_ADMIN' }, user.id, { role: 'USER' });
    await expect(kit.checkSession.execute(claims)).rejects.toThrow(expect.objectContaining({ code: 'AUTH.TOKEN_EXPIRED', message: 'jwt expired' }));
    const refreshed = await kit.refresh.execute(session.refreshToken);
    await expect(kit.checkSession.execute(kit.accessTokens.verify(refreshed.accessToken))).resolves.toMatchObject({ role: 'USER' });
  });

  describe('known: the actor without waiting, from what this process holds', () => {
    it('is null until a check has read the standing, then the very actor execute gives', async () => {
      const { kit, claims } = await loggedIn();
      expect(kit.checkSession.known(claims)).toBeNull();
      const actor = await kit.checkSession.execute(claims);
      expect(kit.checkSession.known(claims)).toEqual(actor);
      expect(kit.checkSession.known({ ...claims, sessionId: 'another' })).toBeNull();
      kit.clock.advance(STANDING_TTL_MS);
      expect(kit.checkSession.known(claims)).toBeNull();
    });

    it('is null once the session was revoked, and for a standing that refuses', async () => {
      const { kit, user, claims } = await loggedIn();
      await kit.checkSession.execute(claims);
      await kit.logoutAll.execute(user.id);
      expect(kit.checkSession.known(claims)).toBeNull();
      await expect(kit.checkSession.execute(claims)).rejects.toThrow(ended);
      expect(kit.checkSession.known(claims)).toBeNull();
    });

    it('is null for a token whose role the user no longer has', async () => {
      const { kit, user, claims } = await loggedIn();
      const boss = UserMother.superAdmin();
      await kit.given(boss);
      await kit.updateUser.execute({ userId: boss.id, role: 'SUPER_ADMIN' }, user.id, { role: 'USER' });
      await expect(kit.checkSession.execute(claims)).rejects.toThrow(expect.objectContaining({ code: 'AUTH.TOKEN_EXPIRED' }));
      expect(kit.checkSession.known(claims)).toBeNull();
      expect(kit.checkSession.known({ ...claims, role: 'USER' })).toMatchObject({ role: 'USER' });
    });
  });

  it('refuses a token for a user that no longer exists', async () => {
    const { kit, claims } = await loggedIn();
    await expect(kit.checkSession.execute({ ...claims, userId: 'gone' })).rejects.toThrow(ended);
  });

  describe('while the shared cache is unreachable (Redis down)', () => {
    const unreachable: SessionStandingCache = {
      recall: async () => { throw new DependencyUnavailable('redis'); },
      known: () => null,
      remember: async () => { throw new DependencyUnavailable('redis'); },
      forgetUser: async () => { throw new DependencyUnavailable('redis'); },
    };

    it('answers from the database: a live session goes through, a blocked user is refused on the very next request', async () => {
      const { kit, user, claims } = await loggedIn();
      const check = new CheckSession(kit.sessions, kit.users, unreachable, kit.clock);
      await expect(check.execute(claims)).resolves.toEqual({ userId: user.id, role: 'ADMIN', sessionId: claims.sessionId });
      await kit.users.save(User.restore({ ...user.toProps(), status: 'BLOCKED' }));
      await expect(check.execute(claims)).rejects.toThrow(ended);
    });

    it('still offers what it read to the cache, whose in-process memo can keep it while Redis is away', async () => {
      const { kit, user, claims } = await loggedIn();
      const offered: unknown[] = [];
      const memoOnly: SessionStandingCache = {
        ...unreachable,
        remember: async (...args) => { offered.push(args); throw new DependencyUnavailable('redis'); },
      };
      await expect(new CheckSession(kit.sessions, kit.users, memoOnly, kit.clock).execute(claims)).resolves.toMatchObject({ userId: user.id });
      expect(offered).toEqual([[user.id, claims.sessionId, { active: true, role: 'ADMIN' }, STANDING_TTL_MS]]);
    });

    it('still fails on anything that is not the cache being away', async () => {
      const { kit, claims } = await loggedIn();
      const broken: SessionStandingCache = { ...unreachable, recall: async () => { throw new TypeError('a bug'); } };
      await expect(new CheckSession(kit.sessions, kit.users, broken, kit.clock).execute(claims)).rejects.toThrow('a bug');
    });

    it('answers when only remembering fails (Redis went away between the two calls)', async () => {
      const { kit, user, claims } = await loggedIn();
      const halfway: SessionStandingCache = { ...unreachable, recall: async () => null };
      await expect(new CheckSession(kit.sessions, kit.users, halfway, kit.clock).execute(claims)).resolves.toMatchObject({ userId: user.id });
    });
  });
});
