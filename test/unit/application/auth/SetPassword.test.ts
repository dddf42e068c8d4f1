import { Conflict, NotFound, ValidationFailed } from '../../../../src/domain/shared/errors';
import { UserMother } from '../../../mothers/UserMother';
import { accountsKit } from '../accountsKit';

describe('SetPassword', () => {
  it('gives a Google-only account its first password', async () => {
    const kit = accountsKit();
    const user = UserMother.googleOnly({ email: 'g@example.com' });
    await kit.given(user);
    await kit.setPassword.execute({ userId: user.id, password: 'F1rst!pass' });
    await expect(kit.login.execute({ email: 'g@example.com', password: 'F1rst!pass' })).resolves.toHaveProperty('accessToken');
  });

  it('answers 409 when the account already has a password, and keeps it', async () => {
    const kit = accountsKit();
    const user = UserMother.traveller();
    await kit.given(user);
    await expect(kit.setPassword.execute({ userId: user.id, password: 'F1rst!pass' })).rejects.toThrow(
      expect.objectContaining({ constructor: Conflict, code: 'USER.PASSWORD_ALREADY_SET' }),
    );
    expect((await kit.users.findById(user.id))?.passwordHash).toBe(user.passwordHash);
  });

  it('refuses a weak password and an unknown user', async () => {
    const kit = accountsKit();
    const user = UserMother.googleOnly();
    await kit.given(user);
    await expect(kit.setPassword.execute({ userId: user.id, password: 'weak' })).rejects.toThrow(ValidationFailed);
    await expect(kit.setPassword.execute({ userId: 'ghost', password: 'F1rst!pass' })).rejects.toThrow(NotFound);
  });
});
