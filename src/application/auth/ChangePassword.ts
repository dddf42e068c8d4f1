import { Unauthenticated, ValidationFailed } from '../../domain/shared/errors';
import { assertStrongPassword } from '../../domain/user/PasswordPolicy';
import { Clock } from '../ports/Clock';
import { PasswordHasher } from '../ports/PasswordHasher';
import { SessionRepository } from '../ports/SessionRepository';
import { UnitOfWork } from '../ports/UnitOfWork';
import { UserRepository } from '../ports/UserRepository';
import { IssuedTokens, SessionTokens } from './SessionTokens';

/** Changes the password, ends every other session and hands the caller a fresh one. */
export class ChangePassword {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: SessionTokens,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: { userId: string; oldPassword: string; newPassword: string }): Promise<IssuedTokens> {
    const user = await this.users.findById(input.userId);
    if (!user) throw new Unauthenticated();
    if (!user.passwordHash || !(await this.hasher.verify(user.passwordHash, input.oldPassword))) {
      throw ValidationFailed.field('oldPassword', 'does not match the current password');
    }
    const newPassword = assertStrongPassword(input.newPassword, 'newPassword');
    if (newPassword === input.oldPassword) throw ValidationFailed.field('newPassword', 'must differ from the old password');
    const hash = await this.hasher.hash(newPassword);
    return this.uow.run(async () => {
      // Read again inside: a retried transaction must not reuse an entity a failed run changed.
      const current = await this.users.findById(user.id);
      if (!current) throw new Unauthenticated();
      const now = this.clock.now();
      current.changePassword(hash, now);
      await this.users.save(current);
      await this.sessions.revokeAllOfUser(current.id, now);
      return this.tokens.issue(current);
    });
  }
}
