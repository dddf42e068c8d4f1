import { NotFound } from '../../domain/shared/errors';
import { Phone } from '../../domain/user/Phone';
import { Actor, isAdmin } from '../../domain/user/Role';
import { AdminChanges, User } from '../../domain/user/User';
import { Clock } from '../ports/Clock';
import { UnitOfWork } from '../ports/UnitOfWork';
import { UserRepository } from '../ports/UserRepository';

export class UpdateUser {
  constructor(private readonly users: UserRepository, private readonly uow: UnitOfWork, private readonly clock: Clock) {}

  async execute(actor: Actor, userId: string, changes: AdminChanges): Promise<User> {
    const normalized = { ...changes, phone: changes.phone ? Phone.create(changes.phone).value : changes.phone };
    return this.uow.run(async () => {
      const user = await this.users.findById(userId);
      // Non-admins learn nothing about other accounts, not even that they exist.
      if (!user || (actor.userId !== userId && !isAdmin(actor.role))) throw NotFound.of('User');
      user.applyChanges(actor, normalized, this.clock.now());
      await this.users.save(user);
      return user;
    });
  }
}
