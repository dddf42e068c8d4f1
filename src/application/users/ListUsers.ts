import { Forbidden } from '../../domain/shared/errors';
import { Actor, isAdmin } from '../../domain/user/Role';
import { User } from '../../domain/user/User';
import { UserRepository } from '../ports/UserRepository';
import { ListQuery, Page } from '../shared/ListQuery';

export class ListUsers {
  constructor(private readonly users: UserRepository) {}

  async execute(actor: Actor, query: ListQuery): Promise<Page<User>> {
    if (!isAdmin(actor.role)) throw new Forbidden();
    return this.users.list(query);
  }
}
