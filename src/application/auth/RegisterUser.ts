import { Email } from '../../domain/user/Email';
import { Phone } from '../../domain/user/Phone';
import { User } from '../../domain/user/User';
import type { Clock } from '../ports/Clock';
import type { CommonPasswords } from '../ports/CommonPasswords';
import type { IdGenerator } from '../ports/IdGenerator';
import type { PasswordHasher } from '../ports/PasswordHasher';
import type { UnitOfWork } from '../ports/UnitOfWork';
import type { UserRepository } from '../ports/UserRepository';
import { acceptablePassword } from './acceptablePassword';

export interface RegisterInput {
  name: string;
  email: string;
  password: string;
  phone?: string;
  address?: string;
}

export class RegisterUser {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
    private readonly common: CommonPasswords,
  ) {}

  async execute(input: RegisterInput): Promise<User> {
    const email = Email.create(input.email);
    const password = acceptablePassword(this.common, input.password);
    const phone = input.phone ? Phone.create(input.phone).value : null;
    const passwordHash = await this.hasher.hash(password);
    const user = User.register({ id: this.ids.next(), name: input.name, email, passwordHash, phone, address: input.address ?? null, now: this.clock.now() });
    await this.uow.run(() => this.users.save(user));
    return user;
  }
}
