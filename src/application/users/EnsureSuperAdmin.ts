import { Conflict } from '../../domain/shared/errors';
import { Email } from '../../domain/user/Email';
import type { UserRepository } from '../ports/UserRepository';
import type { CreateAdmin } from './CreateAdmin';

/** Creates the configured super admin at start-up when absent; never overwrites an existing account. */
export class EnsureSuperAdmin {
  constructor(private readonly users: UserRepository, private readonly createAdmin: CreateAdmin) {}

  async execute(account: { email: string; password: string } | null): Promise<'created' | 'exists' | 'not-configured'> {
    if (!account) return 'not-configured';
    if (await this.users.findByEmail(Email.create(account.email).value)) return 'exists';
    try {
      await this.createAdmin.execute({ ...account, role: 'SUPER_ADMIN' });
    } catch (error) {
      // Several API processes starting together against one database: one creates, the rest find it.
      if (error instanceof Conflict) return 'exists';
      throw error;
    }
    return 'created';
  }
}
