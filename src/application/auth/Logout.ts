import { Clock } from '../ports/Clock';
import { SecretTokens } from '../ports/SecretTokens';
import { SessionRepository } from '../ports/SessionRepository';
import { UnitOfWork } from '../ports/UnitOfWork';

/** Ends the session family of the presented refresh token; unknown tokens are ignored. */
export class Logout {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly secrets: SecretTokens,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(refreshToken: string | null): Promise<void> {
    if (!refreshToken) return;
    await this.uow.run(async () => {
      const session = await this.sessions.findByTokenHash(this.secrets.hash(refreshToken));
      if (session) await this.sessions.revokeFamily(session.familyId, this.clock.now());
    });
  }
}
