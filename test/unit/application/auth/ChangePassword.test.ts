import { Unauthenticated, ValidationFailed } from '../../../../src/domain/shared/errors';
import { UserMother } from '../../../mothers/UserMother';
import { accountsKit } from '../accountsKit';

const NEW = 'N3w!password';

async function setup() {
  const kit = accountsKit();
  const user = UserMother.traveller({ email: 'rahim@example.com' });
  await kit.given(user);
  const first = await kit.login.execute({ email: 'rahim@example.com', password: UserMother.PASSWORD });
  const second = await kit.login.execute({ email: 'rahim@example.com', password: UserMother.PASSWORD });
  return { kit, user, first, second };
}

describe('ChangePassword', () => {
  it('changes the password, revokes the other sessions and returns a fresh working session', async () => {
    const { kit, user, first, second } = await setup();
    const fresh = await kit.changePassword.execute({ userId: user.id, oldPassword: UserMother.PASSWORD, newPassword: NEW });

    await expect(kit.refresh.execute(first.refreshToken)).rejects.toThrow(Unauthenticated);
    await expect(kit.refresh.execute(second.refreshToken)).rejects.toThrow(Unauthenticated);
    await expect(kit.refresh.execute(fresh.refreshToken)).resolves.toHaveProperty('accessToken');
    await expect(kit.login.execute({ email: 'rahim@example.com', password: UserMother.PASSWORD })).rejects.toThrow(Unauthenticated);
    await expect(kit.login.execute({ email: 'rahim@example.com', password: NEW })).resolves.toHaveProperty('accessToken');
  });

  it.each([
    ['the old password is wrong', { oldPassword: 'Wr0ng!pass', newPassword: NEW }, 'oldPassword'],
    ['the new password is weak', { oldPassword: UserMother.PASSWORD, newPassword: 'weakpass' }, 'newPassword'],
    ['the new password is the old one', { oldPassword: UserMother.PASSWORD, newPassword: UserMother.PASSWORD }, 'newPassword'],
  ])('refuses when %s and changes nothing', async (_why, passwords, field) => {
    const { kit, user, first } = await setup();
    await expect(kit.changePassword.execute({ userId: user.id, ...passwords })).rejects.toThrow(
      expect.objectContaining({ constructor: ValidationFailed, problems: [expect.objectContaining({ path: field })] }),
    );
    expect((await kit.users.findById(user.id))?.passwordHash).toBe(user.passwordHash);
    await expect(kit.refresh.execute(first.refreshToken)).resolves.toHaveProperty('accessToken');
  });

  it('refuses an account without a password (Google sign-in): use set-password', async () => {
    const kit = accountsKit();
    const user = UserMother.googleOnly();
    await kit.given(user);
    await expect(kit.changePassword.execute({ userId: user.id, oldPassword: 'anything', newPassword: NEW })).rejects.toThrow(ValidationFailed);
  });

  it('refuses a user that no longer exists', async () => {
    const kit = accountsKit();
    await expect(kit.changePassword.execute({ userId: 'ghost', oldPassword: UserMother.PASSWORD, newPassword: NEW })).rejects.toThrow(Unauthenticated);
  });
});
