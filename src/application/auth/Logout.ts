import type { Clock } from '../ports/Clock';
import type { SecretTokens } from '../ports/SecretTokens';
import type { SessionRepository } from '../ports/SessionRepository';
import type { SessionStandingCache } from '../ports/SessionStandingCache';
import type { UnitOfWork } from '../ports/UnitOfWork';

/**
 * Ends the session of the presented refresh token and of the presented access token (a client may
 * hold only one of them); its access tokens stop working too. Unknown tokens are ignored.
 */
export class Logout {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly secrets: SecretTokens,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly standings: SessionStandingCache,
  ) {}

  async execute(input: { refreshToken: string | null; session?: { userId: string; sessionId: string } | null }): Promise<void> {
    const ended = await this.uow.run(async () => {
      const now = this.clock.now();
      const users = new Set<string>();
      const found = input.refreshToken ? await this.sessions.findByTokenHash(this.secrets.hash(input.refreshToken)) : null;
      if (found) {
        await this.sessions.revokeFamily(found.familyId, now);
        users.add(found.userId);
      }
      if (input.session) {
        await this.sessions.revokeFamily(input.session.sessionId, now);
        users.add(input.session.userId);
      }
      return users;
    });
    for (const userId of ended) await this.standings.forgetUser(userId);
  }
}
