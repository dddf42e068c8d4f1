import { ValidationFailed } from '../../../../src/domain/shared/errors';
import { UserMother } from '../../../mothers/UserMother';
import { verificationKit } from './verificationKit';

const FIVE_MINUTES = 5 * 60_000;

async function withCode(email = 'rahim@example.com') {
  const kit = verificationKit();
  const user = UserMother.unverified({ email });
  await kit.given(user);
  await kit.sendCode.execute({ email });
  return { kit, user, code: kit.lastCode() };
}

async function refusal(promise: Promise<unknown>): Promise<ValidationFailed> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationFailed);
  return error as ValidationFailed;
}

describe('VerifyEmail', () => {
  test('the right code verifies the user and is spent', async () => {
    const { kit, user, code } = await withCode();
    kit.clock.advance(30_000);
    await kit.verifyEmail.execute({ email: 'rahim@example.com', otp: code });
    const saved = (await kit.users.findById(user.id))!;
    expect(saved.isVerified).toBe(true);
    expect(saved.updatedAt).toEqual(kit.clock.now());
    await refusal(kit.verifyEmail.execute({ email: 'rahim@example.com', otp: code }));
  });

  test('a wrong code is "Invalid or expired code" on the otp field and changes nothing', async () => {
    const { kit, user, code } = await withCode();
    const wrong = code === '999999' ? '999998' : '999999';
    const error = await refusal(kit.verifyEmail.execute({ email: 'rahim@example.com', otp: wrong }));
    expect(error.message).toBe('Invalid or expired code');
    expect(error.code).toBe('OTP.INVALID');
    expect(error.problems).toEqual([{ path: 'otp', message: 'Invalid or expired code' }]);
    expect((await kit.users.findById(user.id))!.isVerified).toBe(false);
  });

  test('a code works until 5 minutes have passed, not after', async () => {
    const early = await withCode();
    early.kit.clock.advance(FIVE_MINUTES - 1);
    await early.kit.verifyEmail.execute({ email: 'rahim@example.com', otp: early.code });

    const late = await withCode();
    late.kit.clock.advance(FIVE_MINUTES);
    const error = await refusal(late.kit.verifyEmail.execute({ email: 'rahim@example.com', otp: late.code }));
    expect(error.message).toBe('Invalid or expired code');
  });

  test('five wrong guesses burn the code: the right one is refused after', async () => {
    const { kit, user, code } = await withCode();
    for (let i = 0; i < 5; i++) await refusal(kit.verifyEmail.execute({ email: 'rahim@example.com', otp: String(200000 + i) }));
    const error = await refusal(kit.verifyEmail.execute({ email: 'rahim@example.com', otp: code }));
    expect(error.message).toBe('Invalid or expired code');
    expect((await kit.users.findById(user.id))!.isVerified).toBe(false);
  });

  test('malformed codes are refused the same way without spending tries', async () => {
    const { kit, code } = await withCode();
    for (const otp of ['12345', '1234567', 'abcdef', '', ' 123456']) {
      expect((await refusal(kit.verifyEmail.execute({ email: 'rahim@example.com', otp }))).message).toBe('Invalid or expired code');
    }
    await kit.verifyEmail.execute({ email: 'rahim@example.com', otp: code });
  });

  test("one email's code never verifies another", async () => {
    const kit = verificationKit();
    const a = UserMother.unverified({ email: 'a@example.com' });
    const b = UserMother.unverified({ email: 'b@example.com' });
    await kit.given(a, b);
    await kit.sendCode.execute({ email: 'a@example.com' });
    const codeOfA = kit.lastCode();
    await refusal(kit.verifyEmail.execute({ email: 'b@example.com', otp: codeOfA }));
    await refusal(kit.verifyEmail.execute({ email: 'nobody@example.com', otp: codeOfA }));
    expect((await kit.users.findById(b.id))!.isVerified).toBe(false);
    await kit.verifyEmail.execute({ email: 'a@example.com', otp: codeOfA });
  });

  test('an unknown or already verified email reads exactly like a wrong code', async () => {
    const kit = verificationKit();
    const verified = UserMother.traveller({ email: 'verified@example.com' });
    await kit.given(verified);
    await kit.sendCode.execute({ email: 'verified@example.com' });
    expect(kit.mailer.sent).toEqual([]);
    const unknown = await refusal(kit.verifyEmail.execute({ email: 'nobody@example.com', otp: '123456' }));
    const known = await refusal(kit.verifyEmail.execute({ email: 'verified@example.com', otp: '123456' }));
    expect([known.message, known.code, known.problems]).toEqual([unknown.message, unknown.code, unknown.problems]);
  });

  test('a live code of a user verified meanwhile (by an admin) succeeds without changing them', async () => {
    const { kit, user, code } = await withCode();
    const verified = (await kit.users.findById(user.id))!;
    verified.verify(kit.clock.now());
    await kit.users.save(verified);
    kit.clock.advance(1000);
    await kit.verifyEmail.execute({ email: 'rahim@example.com', otp: code });
    expect((await kit.users.findById(user.id))!.updatedAt).toEqual(verified.updatedAt);
  });
});
