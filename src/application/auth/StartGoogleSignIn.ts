import type { AuthorizationRequest, IdentityProvider } from '../ports/IdentityProvider';
import type { SecretTokens } from '../ports/SecretTokens';

export type PendingSignIn = Omit<AuthorizationRequest, 'redirectUri'>;

/** Makes the one-use secrets of a sign-in and the provider URL that carries them; the caller keeps `pending` until the callback. */
export class StartGoogleSignIn {
  constructor(private readonly provider: IdentityProvider, private readonly secrets: SecretTokens) {}

  async execute(input: { redirectUri: string }): Promise<{ authorizationUrl: string; pending: PendingSignIn }> {
    const pending = { state: this.secrets.generate(), nonce: this.secrets.generate(), codeVerifier: this.secrets.generate() };
    const authorizationUrl = await this.provider.authorizationUrl({ ...pending, redirectUri: input.redirectUri });
    return { authorizationUrl, pending };
  }
}
