import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { Unauthenticated } from '../../domain/shared/errors';
import type { Clock } from '../ports/Clock';
import type { SecretTokens } from '../ports/SecretTokens';
import type { SessionRepository } from '../ports/SessionRepository';
import type { SessionStandingCache } from '../ports/SessionStandingCache';
import type { UnitOfWork } from '../ports/UnitOfWork';
import type { UserRepository } from '../ports/UserRepository';
import type { IssuedTokens, SessionTokens } from './SessionTokens';

/**
 * Rotates a refresh token. Presenting one that was already rotated means it leaked,
 * so the whole family is revoked and the caller must log in again.
 */
export class RefreshAccessToken {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly users: UserRepository,
    private readonly secrets: SecretTokens,
    private readonly tokens: SessionTokens,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly standings: SessionStandingCache,
  ) {}

  async execute(refreshToken: string): Promise<IssuedTokens> {
    const now = this.clock.now();
    const outcome = await this.uow.run(async () => {
      const session = refreshToken ? await this.sessions.findByTokenHash(this.secrets.hash(refreshToken)) : null;
      if (!session) return 'invalid' as const;
      const verdict = session.verdict(now);
      if (verdict === 'reused' || (verdict === 'usable' && !(await this.sessions.markRotated(session.id, now)))) {
        await this.sessions.revokeFamily(session.familyId, now);
        return { reusedBy: session.userId };
      }
      if (verdict !== 'usable') return 'invalid' as const;
      const user = await this.users.findById(session.userId);
      if (!user) return 'invalid' as const;
      user.assertMayLogIn();
      return this.tokens.issue(user, session.familyId);
    });
    if (typeof outcome === 'object' && 'reusedBy' in outcome) {
      await this.standings.forgetUser(outcome.reusedBy);
      throw new Unauthenticated('Refresh token reuse detected; please log in again', ERROR_CODES.AUTH.REFRESH_REUSED);
    }
    if (outcome === 'invalid') throw new Unauthenticated('Invalid or expired refresh token', ERROR_CODES.AUTH.REFRESH_INVALID);
    return outcome;
  }
}
