import { CHANGE_PASSWORD_FAILURES } from '../../../../src/application/auth/ChangePassword';
import { Forbidden, RateLimited } from '../../../../src/domain/shared/errors';
import { UserMother } from '../../../mothers/UserMother';
import type { AccountsKit} from '../accountsKit';
import { accountsKit, resetLinkParams } from '../accountsKit';

const EMAIL = 'rahim@example.com';

async function withUser(): Promise<AccountsKit> {
  const kit = accountsKit();
  await kit.given(UserMother.traveller({ email: EMAIL }));
  return kit;
}

const attempt = (kit: AccountsKit, address: string, password = 'Wr0ng!guess') => kit.login.execute({ email: EMAIL, password, address });

async function failFrom(kit: AccountsKit, address: string, times: number): Promise<void> {
  for (let i = 0; i < times; i++) await expect(attempt(kit, address)).rejects.toThrow(expect.objectContaining({ code: 'AUTH.INVALID_CREDENTIALS' }));
}

describe('login limits', () => {
  it('makes the guessing address wait after 5 failures while the owner, elsewhere, logs in', async () => {
    const kit = await withUser();
    await failFrom(kit, '203.0.113.9', 5);
    await expect(attempt(kit, '203.0.113.9', UserMother.PASSWORD)).rejects.toThrow(RateLimited);
    await expect(attempt(kit, '198.51.100.7', UserMother.PASSWORD)).resolves.toHaveProperty('accessToken');
    kit.clock.advance(15 * 60_000);
    await expect(attempt(kit, '203.0.113.9', UserMother.PASSWORD)).resolves.toHaveProperty('accessToken');
  });

  it('one address adds at most 10 failures to the account, however long it keeps trying', async () => {
    const kit = await withUser();
    for (let round = 0; round < 30; round++) {
      await failFrom(kit, '203.0.113.9', 5);
      kit.clock.advance(15 * 60_000);
    }
    await expect(attempt(kit, '198.51.100.7', UserMother.PASSWORD)).resolves.toHaveProperty('accessToken');
  });

  it('locks the account after 100 failures from many addresses until a password reset', async () => {
    const kit = await withUser();
    for (let a = 0; a < 10; a++) {
      await failFrom(kit, `203.0.113.${a}`, 5);
      kit.clock.advance(15 * 60_000);
      await failFrom(kit, `203.0.113.${a}`, 5);
    }
    const locked = expect.objectContaining({ constructor: Forbidden, code: 'AUTH.ACCOUNT_LOCKED' });
    await expect(attempt(kit, '198.51.100.7', UserMother.PASSWORD)).rejects.toThrow(locked);
    await expect(kit.login.execute({ email: 'nobody@example.com', password: 'x', address: '198.51.100.7' })).rejects.toThrow(expect.objectContaining({ code: 'AUTH.INVALID_CREDENTIALS' }));

    await kit.forgotPassword.execute({ email: EMAIL });
    const { token } = resetLinkParams(kit.mailer.last()!.text);
    await kit.resetPassword.execute({ token, newPassword: 'N3w!passphrase' });
    await expect(attempt(kit, '198.51.100.7', 'N3w!passphrase')).resolves.toHaveProperty('accessToken');
  });

  it('a successful login clears the failures before it', async () => {
    const kit = await withUser();
    await failFrom(kit, '203.0.113.9', 4);
    await attempt(kit, '203.0.113.9', UserMother.PASSWORD);
    await failFrom(kit, '203.0.113.9', 4);
    await expect(attempt(kit, '203.0.113.9', UserMother.PASSWORD)).resolves.toHaveProperty('accessToken');
  });
});

describe('change-password limits', () => {
  it('refuses a session after 5 wrong current passwords, even with the right one, while other sessions may try', async () => {
    const kit = await withUser();
    const user = (await kit.users.findByEmail(EMAIL))!;
    const wrong = { userId: user.id, sessionId: 'stolen', oldPassword: 'Wr0ng!guess', newPassword: 'N3w!passphrase' };
    for (let i = 0; i < CHANGE_PASSWORD_FAILURES.limit; i++) await expect(kit.changePassword.execute(wrong)).rejects.toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    await expect(kit.changePassword.execute({ ...wrong, oldPassword: UserMother.PASSWORD })).rejects.toThrow(RateLimited);
    await expect(kit.changePassword.execute({ ...wrong, sessionId: 'owner', oldPassword: UserMother.PASSWORD })).resolves.toHaveProperty('accessToken');
  });
});
