import { UserRepository } from '../ports/UserRepository';
import { CreateAdmin } from './CreateAdmin';

/** Creates the configured super admin at start-up when absent; never overwrites an existing account. */
export class EnsureSuperAdmin {
  constructor(private readonly users: UserRepository, private readonly createAdmin: CreateAdmin) {}

  async execute(account: { email: string; password: string } | null): Promise<'created' | 'exists' | 'not-configured'> {
    if (!account) return 'not-configured';
    if (await this.users.findByEmail(account.email.toLowerCase())) return 'exists';
    await this.createAdmin.execute({ ...account, role: 'SUPER_ADMIN' });
    return 'created';
  }
}
