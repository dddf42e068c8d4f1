import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { NotFound } from '../../domain/shared/errors';
import type { Actor } from '../../domain/user/Role';
import { isAdmin } from '../../domain/user/Role';
import type { User } from '../../domain/user/User';
import type { UserRepository } from '../ports/UserRepository';

/** A user as seen by `actor`: themselves, or anyone when they are an admin. Others get 404. */
export class GetUser {
  constructor(private readonly users: UserRepository) {}

  async execute(actor: Actor, userId: string): Promise<User> {
    const user = actor.userId === userId || isAdmin(actor.role) ? await this.users.findById(userId) : null;
    if (!user) throw NotFound.of('User', ERROR_CODES.USER.NOT_FOUND);
    return user;
  }
}
