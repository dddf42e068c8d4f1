import { ValidationFailed } from '../../../../src/domain/shared/errors';
import { RESET_TOKEN_TTL_MS } from '../../../../src/application/auth/ForgotPassword';
import { UserMother } from '../../../mothers/UserMother';
import type { AccountsKit} from '../accountsKit';
import { FRONTEND_URL, accountsKit, resetLinkParams } from '../accountsKit';

const NEW = 'N3w!password';

async function requested(kit: AccountsKit) {
  const user = UserMother.traveller({ email: 'rahim@example.com', name: 'Rahim' });
  await kit.given(user);
  const session = await kit.login.execute({ email: 'rahim@example.com', password: UserMother.PASSWORD });
  await kit.forgotPassword.execute({ email: 'Rahim@example.com' });
  return { user, session, link: resetLinkParams(kit.mailer.last()!.text) };
}

const invalidToken = expect.objectContaining({ constructor: ValidationFailed, code: 'AUTH.RESET_TOKEN_INVALID' });

describe('ForgotPassword', () => {
  it('mails a single-use link to the front end and stores only the token hash', async () => {
    const kit = accountsKit();
    const { user, link } = await requested(kit);
    const mail = kit.mailer.last()!;
    expect(mail.to).toBe('rahim@example.com');
    expect(mail.subject).toContain('Reset');
    expect(mail.text).toContain(`${FRONTEND_URL}/reset-password?id=${user.id}&token=`);
    expect(mail.html).toContain('10 minutes');
    expect(link.id).toBe(user.id);
    const [stored] = kit.resets.all();
    expect(stored).toMatchObject({ userId: user.id, tokenHash: kit.secrets.hash(link.token), usedAt: null });
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(10 * 60_000);
  });

  it.each([
    ['unknown', null],
    ['blocked', UserMother.blocked({ email: 'rahim@example.com' })],
    ['deleted', UserMother.deleted({ email: 'rahim@example.com' })],
  ])('answers an %s account the same, mailing nothing', async (_why, user) => {
    const kit = accountsKit();
    if (user) await kit.given(user);
    await expect(kit.forgotPassword.execute({ email: 'rahim@example.com' })).resolves.toBeUndefined();
    expect(kit.mailer.sent).toHaveLength(0);
    expect(kit.resets.all()).toHaveLength(0);
  });

  it('keeps its answer when the mailer is down, logging the failure', async () => {
    const kit = accountsKit();
    await kit.given(UserMother.traveller({ email: 'rahim@example.com' }));
    kit.mailer.fail();
    await expect(kit.forgotPassword.execute({ email: 'rahim@example.com' })).resolves.toBeUndefined();
    expect(kit.logger.at('error')[0].message).toBe('password reset mail failed');
  });
});

describe('ResetPassword', () => {
  it('sets the new password and revokes every session', async () => {
    const kit = accountsKit();
    const { user, session, link } = await requested(kit);
    await kit.resetPassword.execute({ token: link.token, newPassword: NEW });
    await expect(kit.refresh.execute(session.refreshToken)).rejects.toThrow();
    expect(kit.liveSessions(user.id)).toHaveLength(0);
    await expect(kit.login.execute({ email: 'rahim@example.com', password: NEW })).resolves.toHaveProperty('accessToken');
  });

  it('works once only', async () => {
    const kit = accountsKit();
    const { link } = await requested(kit);
    await kit.resetPassword.execute({ token: link.token, newPassword: NEW });
    await expect(kit.resetPassword.execute({ token: link.token, newPassword: 'An0ther!pass' })).rejects.toThrow(invalidToken);
    await expect(kit.login.execute({ email: 'rahim@example.com', password: NEW })).resolves.toHaveProperty('accessToken');
  });

  it('works until 10 minutes have passed, not after', async () => {
    const kit = accountsKit();
    const { link } = await requested(kit);
    kit.clock.advance(RESET_TOKEN_TTL_MS);
    await expect(kit.resetPassword.execute({ token: link.token, newPassword: NEW })).rejects.toThrow(invalidToken);

    const again = accountsKit();
    const second = await requested(again);
    again.clock.advance(RESET_TOKEN_TTL_MS - 1000);
    await expect(again.resetPassword.execute({ token: second.link.token, newPassword: NEW })).resolves.toBeUndefined();
  });

  it('accepts the user id the front end sends only when it is the token owner', async () => {
    const kit = accountsKit();
    const { user, link } = await requested(kit);
    await expect(kit.resetPassword.execute({ token: link.token, userId: 'someone-else', newPassword: NEW })).rejects.toThrow(invalidToken);
    await expect(kit.login.execute({ email: 'rahim@example.com', password: NEW })).rejects.toThrow();
    await kit.resetPassword.execute({ token: link.token, userId: user.id, newPassword: NEW });
    await expect(kit.login.execute({ email: 'rahim@example.com', password: NEW })).resolves.toHaveProperty('accessToken');
  });

  it('refuses a weak password without using up the token', async () => {
    const kit = accountsKit();
    const { link } = await requested(kit);
    await expect(kit.resetPassword.execute({ token: link.token, newPassword: 'weak' })).rejects.toThrow(
      expect.objectContaining({ problems: [expect.objectContaining({ path: 'newPassword' })] }),
    );
    await expect(kit.resetPassword.execute({ token: link.token, newPassword: NEW })).resolves.toBeUndefined();
  });

  it.each(['', 'made-up-token'])('refuses token %p', async (token) => {
    const kit = accountsKit();
    await requested(kit);
    await expect(kit.resetPassword.execute({ token, newPassword: NEW })).rejects.toThrow(invalidToken);
  });
});

describe('reset links: cheap refusals and one live link', () => {
  it('checks the token before hashing the new password', async () => {
    const kit = accountsKit();
    await requested(kit);
    const before = kit.hasher.hashesMade;
    await expect(kit.resetPassword.execute({ token: 'bogus', newPassword: NEW })).rejects.toThrow(invalidToken);
    await expect(kit.resetPassword.execute({ token: '', newPassword: NEW })).rejects.toThrow(invalidToken);
    expect(kit.hasher.hashesMade).toBe(before);
  });

  it('a newer link voids the older ones', async () => {
    const kit = accountsKit();
    const { link: older } = await requested(kit);
    await kit.forgotPassword.execute({ email: 'rahim@example.com' });
    const newer = resetLinkParams(kit.mailer.last()!.text);
    await expect(kit.resetPassword.execute({ token: older.token, newPassword: NEW })).rejects.toThrow(invalidToken);
    await expect(kit.resetPassword.execute({ token: newer.token, newPassword: NEW })).resolves.toBeUndefined();
  });

  it('refuses a leaked common password, naming the field', async () => {
    const kit = accountsKit();
    const { link } = await requested(kit);
    await expect(kit.resetPassword.execute({ token: link.token, newPassword: 'Summer2024!' })).rejects.toThrow(expect.objectContaining({ problems: [expect.objectContaining({ path: 'newPassword' })] }));
  });
});
