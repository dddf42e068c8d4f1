import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { NotFound } from '../../domain/shared/errors';
import type { Clock } from '../ports/Clock';
import type { CommonPasswords } from '../ports/CommonPasswords';
import type { PasswordHasher } from '../ports/PasswordHasher';
import type { UnitOfWork } from '../ports/UnitOfWork';
import type { UserRepository } from '../ports/UserRepository';
import { acceptablePassword } from './acceptablePassword';

/** Gives a password to an account that signed up without one (Google sign-in). */
export class SetPassword {
  constructor(private readonly users: UserRepository, private readonly hasher: PasswordHasher, private readonly uow: UnitOfWork, private readonly clock: Clock, private readonly common: CommonPasswords) {}

  async execute(input: { userId: string; password: string }): Promise<void> {
    const password = acceptablePassword(this.common, input.password);
    const hash = await this.hasher.hash(password);
    await this.uow.run(async () => {
      const user = await this.users.findById(input.userId);
      if (!user) throw NotFound.of('User', ERROR_CODES.USER.NOT_FOUND);
      user.setFirstPassword(hash, this.clock.now());
      await this.users.save(user);
    });
  }
}
