import { NotFound } from '../../domain/shared/errors';
import { assertStrongPassword } from '../../domain/user/PasswordPolicy';
import { Clock } from '../ports/Clock';
import { PasswordHasher } from '../ports/PasswordHasher';
import { UnitOfWork } from '../ports/UnitOfWork';
import { UserRepository } from '../ports/UserRepository';

/** Gives a password to an account that signed up without one (Google sign-in). */
export class SetPassword {
  constructor(private readonly users: UserRepository, private readonly hasher: PasswordHasher, private readonly uow: UnitOfWork, private readonly clock: Clock) {}

  async execute(input: { userId: string; password: string }): Promise<void> {
    const password = assertStrongPassword(input.password);
    const hash = await this.hasher.hash(password);
    await this.uow.run(async () => {
      const user = await this.users.findById(input.userId);
      if (!user) throw NotFound.of('User');
      user.setFirstPassword(hash, this.clock.now());
      await this.users.save(user);
    });
  }
}
