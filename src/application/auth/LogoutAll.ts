import { Clock } from '../ports/Clock';
import { SessionRepository } from '../ports/SessionRepository';
import { UnitOfWork } from '../ports/UnitOfWork';

export class LogoutAll {
  constructor(private readonly sessions: SessionRepository, private readonly uow: UnitOfWork, private readonly clock: Clock) {}

  async execute(userId: string): Promise<void> {
    await this.uow.run(() => this.sessions.revokeAllOfUser(userId, this.clock.now()));
  }
}
