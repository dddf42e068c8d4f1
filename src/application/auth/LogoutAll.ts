import type { Clock } from '../ports/Clock';
import type { SessionRepository } from '../ports/SessionRepository';
import type { SessionStandingCache } from '../ports/SessionStandingCache';
import type { UnitOfWork } from '../ports/UnitOfWork';

export class LogoutAll {
  constructor(private readonly sessions: SessionRepository, private readonly uow: UnitOfWork, private readonly clock: Clock, private readonly standings: SessionStandingCache) {}

  async execute(userId: string): Promise<void> {
    await this.uow.run(() => this.sessions.revokeAllOfUser(userId, this.clock.now()));
    await this.standings.forgetUser(userId);
  }
}
