import { Forbidden } from '../../domain/shared/errors';
import type { Actor} from '../../domain/user/Role';
import { isAdmin } from '../../domain/user/Role';
import type { User } from '../../domain/user/User';
import type { UserRepository } from '../ports/UserRepository';
import type { ListQuery, Page } from '../shared/ListQuery';

export class ListUsers {
  constructor(private readonly users: UserRepository) {}

  async execute(actor: Actor, query: ListQuery): Promise<Page<User>> {
    if (!isAdmin(actor.role)) throw new Forbidden();
    return this.users.list(query);
  }
}
