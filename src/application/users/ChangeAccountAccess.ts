import { NotFound } from '../../domain/shared/errors';
import { Email } from '../../domain/user/Email';
import { AccountStatus, Actor, Role } from '../../domain/user/Role';
import { User } from '../../domain/user/User';
import { Clock } from '../ports/Clock';
import { SessionRepository } from '../ports/SessionRepository';
import { UnitOfWork } from '../ports/UnitOfWork';
import { UserRepository } from '../ports/UserRepository';

export interface AccessChange {
  email: string;
  role?: Role;
  status?: AccountStatus;
}

/**
 * An operator changes an account's role or status, found by email (the admin CLI).
 * The entity's rules decide who may do what; an account leaving ACTIVE loses every session at once.
 */
export class ChangeAccountAccess {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, change: AccessChange): Promise<User> {
    const email = Email.create(change.email).value;
    return this.uow.run(async () => {
      const user = await this.users.findByEmail(email);
      if (!user) throw NotFound.of('User');
      const now = this.clock.now();
      user.applyChanges(actor, { role: change.role, status: change.status }, now);
      await this.users.save(user);
      if (change.status !== undefined && change.status !== 'ACTIVE') await this.sessions.revokeAllOfUser(user.id, now);
      return user;
    });
  }
}
