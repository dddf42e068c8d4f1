import { ValidationFailed } from '../../domain/shared/errors';
import { assertStrongPassword } from '../../domain/user/PasswordPolicy';
import { Clock } from '../ports/Clock';
import { PasswordHasher } from '../ports/PasswordHasher';
import { PasswordResetRepository } from '../ports/PasswordResetRepository';
import { SecretTokens } from '../ports/SecretTokens';
import { SessionRepository } from '../ports/SessionRepository';
import { UnitOfWork } from '../ports/UnitOfWork';
import { UserRepository } from '../ports/UserRepository';

export class ResetPassword {
  constructor(
    private readonly resets: PasswordResetRepository,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly secrets: SecretTokens,
    private readonly hasher: PasswordHasher,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** `userId`, when the client sends it, must be the token's user. */
  async execute(input: { token: string; newPassword: string; userId?: string }): Promise<void> {
    const password = assertStrongPassword(input.newPassword, 'newPassword');
    const hash = await this.hasher.hash(password);
    const invalid = new ValidationFailed('Invalid or expired reset token', [{ path: 'token', message: 'is invalid or expired' }], 'AUTH.RESET_TOKEN_INVALID');
    await this.uow.run(async () => {
      const now = this.clock.now();
      const consumed = input.token ? await this.resets.consume(this.secrets.hash(input.token), now) : null;
      if (!consumed || (input.userId && input.userId !== consumed.userId)) throw invalid;
      const user = await this.users.findById(consumed.userId);
      if (!user) throw invalid;
      user.changePassword(hash, now);
      await this.users.save(user);
      await this.sessions.revokeAllOfUser(user.id, now);
    });
  }
}
