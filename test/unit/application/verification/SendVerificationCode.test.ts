import type { Mailer } from '../../../../src/application/ports/Mailer';
import type { RateLimiter } from '../../../../src/application/ports/RateLimiter';
import { SendVerificationCode } from '../../../../src/application/verification/SendVerificationCode';
import { DependencyUnavailable, RateLimited, ValidationFailed } from '../../../../src/domain/shared/errors';
import { UserMother } from '../../../mothers/UserMother';
import { verificationKit } from './verificationKit';

const MINUTE = 60_000;

/** A limiter whose store does not answer, like Redis while it is down. */
class UnreachableRateLimiter implements RateLimiter {
  async hit(): Promise<never> {
    throw new DependencyUnavailable('redis');
  }

  async peek(): Promise<never> {
    throw new DependencyUnavailable('redis');
  }

  async reset(): Promise<never> {
    throw new DependencyUnavailable('redis');
  }
}

describe('SendVerificationCode', () => {
  test('mails an unverified user a code that verifies their email', async () => {
    const kit = verificationKit();
    const user = UserMother.unverified({ email: 'rahim@example.com', name: 'Rahim' });
    await kit.given(user);
    await kit.sendCode.execute({ email: 'Rahim@Example.com' });
    expect(kit.mailer.sent).toHaveLength(1);
    const mail = kit.mailer.sent[0];
    expect(mail.to).toBe('rahim@example.com');
    expect(mail.subject).toBe('Your TourDesk verification code: 100001');
    expect(mail.text).toContain('Hello Rahim');
    expect(mail.text).toContain('expires in 5 minutes');
    expect(mail.html).toContain('100001');
    await kit.verifyEmail.execute({ email: 'rahim@example.com', otp: kit.lastCode() });
    expect((await kit.users.findById(user.id))!.isVerified).toBe(true);
  });

  test.each([
    ['an unknown email', null],
    ['a verified user', UserMother.traveller({ email: 'known@example.com' })],
    ['a deleted user', UserMother.deleted({ email: 'known@example.com', isVerified: false })],
  ])('answers the same and mails nothing for %s', async (_, stored) => {
    const kit = verificationKit();
    if (stored) await kit.given(stored);
    await expect(kit.sendCode.execute({ email: 'known@example.com' })).resolves.toBeUndefined();
    expect(kit.mailer.sent).toEqual([]);
  });

  test('a second code within a minute is refused with the seconds to wait, for registered and unknown emails alike', async () => {
    const kit = verificationKit();
    await kit.given(UserMother.unverified({ email: 'rahim@example.com' }));
    const emails = ['rahim@example.com', 'nobody@example.com'];
    for (const email of emails) await kit.sendCode.execute({ email });
    kit.clock.advance(20_000);
    for (const email of emails) {
      const refused = await kit.sendCode.execute({ email }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(RateLimited);
      expect(refused).toMatchObject({ retryAfterSeconds: 40, message: 'Too many codes requested, try again later' });
    }
    expect(kit.mailer.sent).toHaveLength(1);
    kit.clock.advance(40_000);
    await kit.sendCode.execute({ email: 'rahim@example.com' });
    expect(kit.mailer.sent).toHaveLength(2);
  });

  test('at most five codes an hour', async () => {
    const kit = verificationKit();
    await kit.given(UserMother.unverified({ email: 'rahim@example.com' }));
    for (let i = 0; i < 5; i++) {
      await kit.sendCode.execute({ email: 'rahim@example.com' });
      kit.clock.advance(MINUTE);
    }
    const refused = await kit.sendCode.execute({ email: 'rahim@example.com' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RateLimited);
    expect((refused as RateLimited).retryAfterSeconds).toBe(55 * 60);
    expect(kit.mailer.sent).toHaveLength(5);
    kit.clock.advance(55 * MINUTE);
    await kit.sendCode.execute({ email: 'rahim@example.com' });
    expect(kit.mailer.sent).toHaveLength(6);
  });

  test('a new code replaces the previous one', async () => {
    const kit = verificationKit();
    await kit.given(UserMother.unverified({ email: 'rahim@example.com' }));
    await kit.sendCode.execute({ email: 'rahim@example.com' });
    const first = kit.lastCode();
    kit.clock.advance(MINUTE);
    await kit.sendCode.execute({ email: 'rahim@example.com' });
    expect(kit.lastCode()).not.toBe(first);
    await expect(kit.verifyEmail.execute({ email: 'rahim@example.com', otp: first })).rejects.toBeInstanceOf(ValidationFailed);
    await kit.verifyEmail.execute({ email: 'rahim@example.com', otp: kit.lastCode() });
  });

  test('a mail outage is logged, not thrown; a new code can be requested a minute later', async () => {
    const kit = verificationKit();
    const user = UserMother.unverified({ email: 'rahim@example.com' });
    await kit.given(user);
    kit.mailer.fail();
    await expect(kit.sendCode.execute({ email: 'rahim@example.com' })).resolves.toBeUndefined();
    expect(kit.logger.at('error')).toEqual([expect.objectContaining({ message: 'verification code mail failed', fields: expect.objectContaining({ userId: user.id }) })]);
    kit.mailer.fail(false);
    kit.clock.advance(MINUTE);
    await kit.sendCode.execute({ email: 'rahim@example.com' });
    expect(kit.mailer.sent).toHaveLength(1);
  });

  test('the code registration sends starts no cooldown: the client may ask for one right away, then the minute limit applies', async () => {
    const kit = verificationKit();
    await kit.given(UserMother.unverified({ email: 'rahim@example.com' }));
    await kit.sendCode.execute({ email: 'rahim@example.com', onRegistration: true });
    await kit.sendCode.execute({ email: 'rahim@example.com' });
    expect(kit.mailer.sent).toHaveLength(2);
    await expect(kit.sendCode.execute({ email: 'rahim@example.com' })).rejects.toBeInstanceOf(RateLimited);
  });

  describe('the resend cooldown (OTP_RESEND_COOLDOWN_SECONDS)', () => {
    const SECOND = 1000;
    const send = (kit: ReturnType<typeof verificationKit>) => kit.sendCode.execute({ email: 'rahim@example.com' }).then(() => 'sent', (e: unknown) => e);

    test('5 seconds, as legacy front ends expect: refused at 4 s with Retry-After 1, sent at 5 s', async () => {
      const kit = verificationKit({ resendCooldownMs: 5 * SECOND });
      await kit.given(UserMother.unverified({ email: 'rahim@example.com' }));
      expect(await send(kit)).toBe('sent');
      kit.clock.advance(4 * SECOND);
      const refused = await send(kit);
      expect(refused).toBeInstanceOf(RateLimited);
      expect((refused as RateLimited).retryAfterSeconds).toBe(1);
      kit.clock.advance(SECOND);
      expect(await send(kit)).toBe('sent');
      expect(kit.mailer.sent).toHaveLength(2);
    });

    test('resends the cooldown refuses do not use up the hourly five', async () => {
      const kit = verificationKit({ resendCooldownMs: 5 * SECOND });
      await kit.given(UserMother.unverified({ email: 'rahim@example.com' }));
      const outcomes: unknown[] = [];
      for (let i = 0; i < 25; i += 1) {
        outcomes.push(await send(kit));
        kit.clock.advance(SECOND);
      }
      expect(outcomes.filter((o) => o === 'sent')).toHaveLength(5);
      expect(kit.mailer.sent).toHaveLength(5);
      expect(await send(kit)).toBeInstanceOf(RateLimited);
    });

    test('0 turns the cooldown off; the hourly cap and the five wrong guesses stay', async () => {
      const kit = verificationKit({ resendCooldownMs: 0 });
      await kit.given(UserMother.unverified({ email: 'rahim@example.com' }));
      for (let i = 0; i < 5; i += 1) expect(await send(kit)).toBe('sent');
      const refused = await send(kit);
      expect((refused as RateLimited).retryAfterSeconds).toBe(3600);
      for (let i = 0; i < 5; i += 1) {
        await expect(kit.verifyEmail.execute({ email: 'rahim@example.com', otp: '000000' })).rejects.toBeInstanceOf(ValidationFailed);
      }
      await expect(kit.verifyEmail.execute({ email: 'rahim@example.com', otp: kit.lastCode() })).rejects.toBeInstanceOf(ValidationFailed);
    });
  });

  test('on registration, the hourly limit and outages are logged instead of thrown', async () => {
    const kit = verificationKit();
    await kit.given(UserMother.unverified({ email: 'rahim@example.com' }));
    for (let i = 0; i < 5; i += 1) {
      await kit.sendCode.execute({ email: 'rahim@example.com' });
      kit.clock.advance(MINUTE);
    }
    await expect(kit.sendCode.execute({ email: 'rahim@example.com', onRegistration: true })).resolves.toBeUndefined();
    const down = new SendVerificationCode(kit.users, kit.otps, new UnreachableRateLimiter(), kit.codes, kit.mailer, { email: () => ({ subject: '', html: '', text: '' }), html: () => '' }, kit.logger, kit.background);
    await expect(down.execute({ email: 'rahim@example.com', onRegistration: true })).resolves.toBeUndefined();
    await expect(down.execute({ email: 'rahim@example.com' })).rejects.toBeInstanceOf(DependencyUnavailable);
    expect(kit.logger.at('warn').map((e) => e.message)).toEqual(['verification code not sent', 'verification code not sent']);
    expect(kit.mailer.sent).toHaveLength(5);
  });

  test('the answer does not wait for the mail: a registered email takes as long as an unknown one', async () => {
    const kit = verificationKit();
    await kit.given(UserMother.unverified({ email: 'rahim@example.com' }));
    const sending: string[] = [];
    let delivered: () => void = () => undefined;
    const slowMailer: Mailer = {
      send: (mail) => {
        sending.push(mail.to);
        return new Promise((resolve) => (delivered = () => resolve({ messageId: '<slow@test>' })));
      },
    };
    const templates = { email: () => ({ subject: '', html: '', text: '' }), html: () => '' };
    const sendCode = new SendVerificationCode(kit.users, kit.otps, kit.limiter, kit.codes, slowMailer, templates, kit.logger, kit.background);
    await expect(sendCode.execute({ email: 'rahim@example.com' })).resolves.toBeUndefined();
    await Promise.resolve();
    expect(sending).toEqual(['rahim@example.com']);
    delivered();
    await kit.background.settled();
    expect(kit.background.errors).toEqual([]);
  });

  test('an invalid email is refused naming the field', async () => {
    const kit = verificationKit();
    await expect(kit.sendCode.execute({ email: 'not-an-email' })).rejects.toMatchObject({ problems: [{ path: 'email', message: expect.any(String) }] });
  });
});
