import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { Conflict } from '../../domain/shared/errors';
import { Email } from '../../domain/user/Email';
import type { Role } from '../../domain/user/Role';
import { User } from '../../domain/user/User';
import { acceptablePassword } from '../auth/acceptablePassword';
import type { Clock } from '../ports/Clock';
import type { CommonPasswords } from '../ports/CommonPasswords';
import type { IdGenerator } from '../ports/IdGenerator';
import type { PasswordHasher } from '../ports/PasswordHasher';
import type { UnitOfWork } from '../ports/UnitOfWork';
import type { UserRepository } from '../ports/UserRepository';

/** Creates a verified admin account (operator tooling, start-up super admin). */
export class CreateAdmin {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
    private readonly common: CommonPasswords,
  ) {}

  async execute(input: { email: string; password: string; name?: string; role?: Extract<Role, 'ADMIN' | 'SUPER_ADMIN'> }): Promise<User> {
    const email = Email.create(input.email);
    const hash = await this.hasher.hash(acceptablePassword(this.common, input.password));
    return this.uow.run(async () => {
      if (await this.users.findByEmail(email.value)) throw new Conflict('A user with this email already exists', ERROR_CODES.USER.ALREADY_EXISTS);
      const role = input.role ?? 'ADMIN';
      const user = User.register({ id: this.ids.next(), name: input.name ?? (role === 'SUPER_ADMIN' ? 'Super Admin' : 'Admin'), email, passwordHash: hash, role, isVerified: true, now: this.clock.now() });
      await this.users.save(user);
      return user;
    });
  }
}
