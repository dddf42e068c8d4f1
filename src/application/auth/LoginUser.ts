import { Unauthenticated } from '../../domain/shared/errors';
import { Email } from '../../domain/user/Email';
import { User } from '../../domain/user/User';
import { PasswordHasher } from '../ports/PasswordHasher';
import { UnitOfWork } from '../ports/UnitOfWork';
import { UserRepository } from '../ports/UserRepository';
import { IssuedTokens, SessionTokens } from './SessionTokens';

export class LoginUser {
  /** Verifying against a real hash when the email is unknown keeps both failures equally slow. */
  private decoyHash: Promise<string> | null = null;

  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: SessionTokens,
    private readonly uow: UnitOfWork,
  ) {}

  async execute(input: { email: string; password: string }): Promise<IssuedTokens & { user: User }> {
    const invalid = new Unauthenticated('Invalid email or password', 'AUTH.INVALID_CREDENTIALS');
    let email: Email;
    try {
      email = Email.create(input.email);
    } catch {
      throw invalid;
    }
    const user = await this.users.findByEmail(email.value);
    const matches = await this.hasher.verify(user?.passwordHash ?? (await this.decoy()), input.password);
    if (!user || !user.passwordHash || !matches) throw invalid;
    user.assertMayLogIn();
    const issued = await this.uow.run(() => this.tokens.issue(user));
    return { ...issued, user };
  }

  private decoy(): Promise<string> {
    this.decoyHash ??= this.hasher.hash('decoy-password-that-never-matches');
    return this.decoyHash;
  }
}
