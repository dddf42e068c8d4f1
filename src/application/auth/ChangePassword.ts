import { RateLimited, Unauthenticated, ValidationFailed } from '../../domain/shared/errors';
import type { Clock } from '../ports/Clock';
import type { CommonPasswords } from '../ports/CommonPasswords';
import type { PasswordHasher } from '../ports/PasswordHasher';
import type { RateLimiter } from '../ports/RateLimiter';
import type { SessionRepository } from '../ports/SessionRepository';
import type { SessionStandingCache } from '../ports/SessionStandingCache';
import type { UnitOfWork } from '../ports/UnitOfWork';
import type { UserRepository } from '../ports/UserRepository';
import { acceptablePassword } from './acceptablePassword';
import type { IssuedTokens, SessionTokens } from './SessionTokens';

/** Wrong current passwords one session may send per window: a stolen access token is not a free guessing oracle. */
export const CHANGE_PASSWORD_FAILURES = { limit: 5, windowMs: 15 * 60_000 };

/** Changes the password, ends every session (this one too) and hands the caller a fresh one. */
export class ChangePassword {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: SessionTokens,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly limiter: RateLimiter,
    private readonly standings: SessionStandingCache,
    private readonly common: CommonPasswords,
  ) {}

  async execute(input: { userId: string; sessionId?: string; oldPassword: string; newPassword: string }): Promise<IssuedTokens> {
    const failures = `change-password:${input.sessionId ?? input.userId}`;
    const allowed = await this.limiter.peek(failures, CHANGE_PASSWORD_FAILURES.limit);
    if (!allowed.allowed) throw new RateLimited(allowed.retryAfterSeconds, 'Too many wrong passwords from this session, try again later');
    const user = await this.users.findById(input.userId);
    if (!user) throw new Unauthenticated();
    if (!user.passwordHash || !(await this.hasher.verify(user.passwordHash, input.oldPassword))) {
      await this.limiter.hit(failures, CHANGE_PASSWORD_FAILURES.limit, CHANGE_PASSWORD_FAILURES.windowMs);
      throw ValidationFailed.field('oldPassword', 'does not match the current password');
    }
    const newPassword = acceptablePassword(this.common, input.newPassword, 'newPassword');
    if (newPassword === input.oldPassword) throw ValidationFailed.field('newPassword', 'must differ from the old password');
    const hash = await this.hasher.hash(newPassword);
    const issued = await this.uow.run(async () => {
      // Read again inside: a retried transaction must not reuse an entity a failed run changed.
      const current = await this.users.findById(user.id);
      if (!current) throw new Unauthenticated();
      const now = this.clock.now();
      current.changePassword(hash, now);
      await this.users.save(current);
      await this.sessions.revokeAllOfUser(current.id, now);
      return this.tokens.issue(current);
    });
    await this.standings.forgetUser(user.id);
    return issued;
  }
}
