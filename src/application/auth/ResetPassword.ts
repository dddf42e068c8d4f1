import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { ValidationFailed } from '../../domain/shared/errors';
import type { Clock } from '../ports/Clock';
import type { CommonPasswords } from '../ports/CommonPasswords';
import type { PasswordHasher } from '../ports/PasswordHasher';
import type { PasswordResetRepository } from '../ports/PasswordResetRepository';
import type { SecretTokens } from '../ports/SecretTokens';
import type { SessionRepository } from '../ports/SessionRepository';
import type { SessionStandingCache } from '../ports/SessionStandingCache';
import type { UnitOfWork } from '../ports/UnitOfWork';
import type { UserRepository } from '../ports/UserRepository';
import { acceptablePassword } from './acceptablePassword';
import type { LoginThrottle } from './LoginThrottle';

/**
 * Sets a new password with a reset link. The token is checked before the costly hash, so bogus
 * requests cost a lookup; the reset then voids every other link of the account, ends all its
 * sessions and lifts a lock that failed logins put on it.
 */
export class ResetPassword {
  constructor(
    private readonly resets: PasswordResetRepository,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly secrets: SecretTokens,
    private readonly hasher: PasswordHasher,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly standings: SessionStandingCache,
    private readonly common: CommonPasswords,
    private readonly throttle: LoginThrottle,
  ) {}

  /** `userId`, when the client sends it, must be the token's user. */
  async execute(input: { token: string; newPassword: string; userId?: string }): Promise<void> {
    const invalid = new ValidationFailed('Invalid or expired reset token', [{ path: 'token', message: 'is invalid or expired' }], ERROR_CODES.AUTH.RESET_TOKEN_INVALID);
    const tokenHash = input.token ? this.secrets.hash(input.token) : null;
    const usable = tokenHash ? await this.resets.findUsable(tokenHash, this.clock.now()) : null;
    if (!tokenHash || !usable || (input.userId && input.userId !== usable.userId)) throw invalid;
    const password = acceptablePassword(this.common, input.newPassword, 'newPassword');
    const hash = await this.hasher.hash(password);
    const user = await this.uow.run(async () => {
      const now = this.clock.now();
      const consumed = await this.resets.consume(tokenHash, now);
      const owner = consumed && (await this.users.findById(consumed.userId));
      if (!owner) throw invalid;
      owner.changePassword(hash, now);
      await this.users.save(owner);
      await this.resets.voidAllOfUser(owner.id, now);
      await this.sessions.revokeAllOfUser(owner.id, now);
      return owner;
    });
    await this.standings.forgetUser(user.id);
    await this.throttle.unlock(user.email.value);
  }
}
