import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { Unauthenticated } from '../../domain/shared/errors';
import { Email } from '../../domain/user/Email';
import type { User } from '../../domain/user/User';
import type { PasswordHasher } from '../ports/PasswordHasher';
import type { UnitOfWork } from '../ports/UnitOfWork';
import type { UserRepository } from '../ports/UserRepository';
import type { LoginThrottle } from './LoginThrottle';
import type { IssuedTokens, SessionTokens } from './SessionTokens';

export class LoginUser {
  /** Verifying against a real hash when the email is unknown keeps both failures equally slow. */
  private decoyHash: Promise<string> | null = null;

  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: SessionTokens,
    private readonly uow: UnitOfWork,
    private readonly throttle: LoginThrottle,
  ) {}

  /** `address`: the client's, as the HTTP adapter established it; failures are counted against it. */
  async execute(input: { email: string; password: string; address?: string }): Promise<IssuedTokens & { user: User }> {
    const invalid = new Unauthenticated('Invalid email or password', ERROR_CODES.AUTH.INVALID_CREDENTIALS);
    const counted = String(input.email).trim().toLowerCase();
    const address = input.address ?? 'unknown';
    await this.throttle.assertMayTry(address, counted);
    let email: Email;
    try {
      email = Email.create(input.email);
    } catch {
      throw invalid;
    }
    const user = await this.users.findByEmail(email.value);
    const matches = await this.hasher.verify(user?.passwordHash ?? (await this.decoy()), input.password);
    if (!user || !user.passwordHash || !matches) {
      await this.throttle.failed(address, counted);
      throw invalid;
    }
    user.assertMayLogIn();
    await this.throttle.succeeded(address, counted);
    const issued = await this.uow.run(() => this.tokens.issue(user));
    return { ...issued, user };
  }

  private decoy(): Promise<string> {
    this.decoyHash ??= this.hasher.hash('decoy-password-that-never-matches');
    return this.decoyHash;
  }
}
