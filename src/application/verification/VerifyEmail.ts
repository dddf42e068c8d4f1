import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { ValidationFailed } from '../../domain/shared/errors';
import { Email } from '../../domain/user/Email';
import { ONE_TIME_CODE, isWellFormedCode } from '../../domain/user/OneTimeCode';
import type { Clock } from '../ports/Clock';
import type { OtpStore } from '../ports/OtpStore';
import type { UnitOfWork } from '../ports/UnitOfWork';
import type { UserRepository } from '../ports/UserRepository';

export const INVALID_CODE = 'Invalid or expired code';

/**
 * Marks the account verified when the code matches. Every failure (wrong, expired, burned,
 * never sent, unknown email) reads the same. The code is spent before the user is written:
 * if that write fails the user asks for a new code, never gets a second use of this one.
 */
export class VerifyEmail {
  constructor(
    private readonly otps: OtpStore,
    private readonly users: UserRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: { email: string; otp: string }): Promise<void> {
    const email = Email.create(input.email).value;
    const invalid = new ValidationFailed(INVALID_CODE, [{ path: 'otp', message: INVALID_CODE }], ERROR_CODES.OTP.INVALID);
    if (!isWellFormedCode(input.otp)) throw invalid;
    const verdict = await this.otps.verify(email, input.otp, ONE_TIME_CODE.maxWrongTries);
    if (verdict !== 'verified') throw invalid;
    await this.uow.run(async () => {
      const user = await this.users.findByEmail(email);
      if (!user || user.isDeleted) throw invalid;
      if (user.isVerified) return;
      user.verify(this.clock.now());
      await this.users.save(user);
    });
  }
}
