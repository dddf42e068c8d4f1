import { UserMother } from '../../../mothers/UserMother';
import { accountsKit } from '../accountsKit';

async function twoLogins() {
  const kit = accountsKit();
  const user = UserMother.traveller({ email: 'rahim@example.com' });
  const other = UserMother.traveller({ email: 'karim@example.com' });
  await kit.given(user, other);
  const login = () => kit.login.execute({ email: 'rahim@example.com', password: UserMother.PASSWORD });
  const phone = await login();
  const laptop = await login();
  const others = await kit.login.execute({ email: 'karim@example.com', password: UserMother.PASSWORD });
  return { kit, user, other, phone, laptop, others };
}

describe('Logout', () => {
  it('revokes the family of the presented token and nothing else', async () => {
    const { kit, user, phone, laptop } = await twoLogins();
    const rotated = await kit.refresh.execute(phone.refreshToken);
    await kit.logout.execute({ refreshToken: rotated.refreshToken });
    await expect(kit.refresh.execute(rotated.refreshToken)).rejects.toThrow(expect.objectContaining({ code: 'AUTH.REFRESH_INVALID' }));
    expect(kit.liveSessions(user.id).map((s) => s.tokenHash)).toEqual([kit.secrets.hash(laptop.refreshToken)]);
  });

  it('ignores a missing or unknown token', async () => {
    const { kit } = await twoLogins();
    await expect(kit.logout.execute({ refreshToken: null })).resolves.toBeUndefined();
    await expect(kit.logout.execute({ refreshToken: 'unknown' })).resolves.toBeUndefined();
    expect(kit.sessions.all().every((s) => !s.revokedAt)).toBe(true);
  });
});

describe('Logout ends access tokens too', () => {
  it('refuses the access token of a session logged out by its refresh token', async () => {
    const { kit, phone, laptop } = await twoLogins();
    const claims = kit.accessTokens.verify(phone.accessToken);
    await expect(kit.checkSession.execute(claims)).resolves.toMatchObject({ sessionId: claims.sessionId });
    await kit.logout.execute({ refreshToken: phone.refreshToken });
    await expect(kit.checkSession.execute(claims)).rejects.toThrow(expect.objectContaining({ code: 'AUTH.SESSION_ENDED' }));
    await expect(kit.checkSession.execute(kit.accessTokens.verify(laptop.accessToken))).resolves.toBeDefined();
  });

  it('ends the session of a presented access token when no refresh token comes with it', async () => {
    const { kit, user, phone } = await twoLogins();
    const claims = kit.accessTokens.verify(phone.accessToken);
    await kit.logout.execute({ refreshToken: null, session: { userId: user.id, sessionId: claims.sessionId } });
    await expect(kit.refresh.execute(phone.refreshToken)).rejects.toThrow(expect.objectContaining({ code: 'AUTH.REFRESH_INVALID' }));
    await expect(kit.checkSession.execute(claims)).rejects.toThrow(expect.objectContaining({ code: 'AUTH.SESSION_ENDED' }));
  });
});

describe('LogoutAll', () => {
  it("revokes every session of the user and no one else's", async () => {
    const { kit, user, other, phone, laptop, others } = await twoLogins();
    await kit.logoutAll.execute(user.id);
    expect(kit.liveSessions(user.id)).toHaveLength(0);
    await expect(kit.refresh.execute(phone.refreshToken)).rejects.toThrow();
    await expect(kit.refresh.execute(laptop.refreshToken)).rejects.toThrow();
    expect(kit.liveSessions(other.id)).toHaveLength(1);
    await expect(kit.refresh.execute(others.refreshToken)).resolves.toHaveProperty('accessToken');
  });
});
