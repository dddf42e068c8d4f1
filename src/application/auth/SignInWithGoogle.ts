import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { Forbidden } from '../../domain/shared/errors';
import { Email } from '../../domain/user/Email';
import { User } from '../../domain/user/User';
import type { Clock } from '../ports/Clock';
import type { IdGenerator } from '../ports/IdGenerator';
import type { IdentityProvider, VerifiedIdentity } from '../ports/IdentityProvider';
import type { UnitOfWork } from '../ports/UnitOfWork';
import type { UserRepository } from '../ports/UserRepository';
import type { IssuedTokens, SessionTokens } from './SessionTokens';

const NAME_MAX = 120;

/**
 * Finishes a Google sign-in: the account linked to the Google id; else the account with the
 * same email, linked now; else a new verified account without a password. An email Google has
 * not verified is never linked nor registered (it would let anyone claim someone else's address).
 */
export class SignInWithGoogle {
  constructor(
    private readonly provider: IdentityProvider,
    private readonly users: UserRepository,
    private readonly tokens: SessionTokens,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
  ) {}

  async execute(grant: { code: string; codeVerifier: string; redirectUri: string; nonce: string }): Promise<IssuedTokens & { user: User }> {
    const identity = await this.provider.exchange(grant);
    return this.uow.run(async () => {
      const { user, changed } = await this.accountFor(identity);
      user.assertMayLogIn();
      if (changed) await this.users.save(user);
      return { ...(await this.tokens.issue(user)), user };
    });
  }

  private async accountFor(identity: VerifiedIdentity): Promise<{ user: User; changed: boolean }> {
    const linked = await this.users.findByGoogleId(identity.subject);
    if (linked) return { user: linked, changed: false };
    if (!identity.emailVerified) throw new Forbidden('Google has not verified this email address', ERROR_CODES.AUTH.GOOGLE_EMAIL_UNVERIFIED);
    const email = Email.create(identity.email);
    const now = this.clock.now();
    const existing = await this.users.findByEmail(email.value);
    if (existing) {
      existing.linkGoogle(identity.subject, now);
      return { user: existing, changed: true };
    }
    const name = (identity.name?.trim() || email.value.split('@')[0]).slice(0, NAME_MAX);
    const user = User.register({ id: this.ids.next(), name, email, passwordHash: null, isVerified: true, googleId: identity.subject, now });
    return { user, changed: true };
  }
}
