import { createHash, randomBytes } from 'node:crypto';
import type { AuthorizationRequest, IdentityProvider, VerifiedIdentity } from '../../src/application/ports/IdentityProvider';
import { DependencyUnavailable, Unauthenticated } from '../../src/domain/shared/errors';

interface Grant {
  redirectUri: string;
  codeChallenge: string;
  nonce: string;
  identity: VerifiedIdentity;
  used: boolean;
}

const challengeOf = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

/** An identity provider in memory with the same rules as a real one: one-use codes bound to the redirect URI, PKCE and the nonce. */
export class FakeIdentityProvider implements IdentityProvider {
  static readonly AUTHORIZE_URL = 'https://idp.example.test/authorize';
  /** While true every call fails as an unreachable provider. */
  unreachable = false;
  private readonly grants = new Map<string, Grant>();

  async authorizationUrl(request: AuthorizationRequest): Promise<string> {
    this.assertReachable();
    const url = new URL(FakeIdentityProvider.AUTHORIZE_URL);
    const params = { response_type: 'code', scope: 'openid email profile', redirect_uri: request.redirectUri, state: request.state, nonce: request.nonce, code_challenge: challengeOf(request.codeVerifier), code_challenge_method: 'S256' };
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    return url.toString();
  }

  /** Plays the user consenting at the provider's page; returns where the browser is sent back. */
  consent(authorizationUrl: string, identity: VerifiedIdentity): URL {
    const p = new URL(authorizationUrl).searchParams;
    const code = randomBytes(12).toString('base64url');
    this.grants.set(code, { redirectUri: p.get('redirect_uri')!, codeChallenge: p.get('code_challenge')!, nonce: p.get('nonce')!, identity, used: false });
    const back = new URL(p.get('redirect_uri')!);
    back.searchParams.set('code', code);
    back.searchParams.set('state', p.get('state')!);
    return back;
  }

  /** A code for `identity` as if the user consented to a request made with these secrets (skips the URL). */
  codeFor(identity: VerifiedIdentity, request: { nonce: string; codeVerifier: string; redirectUri: string }): string {
    const code = randomBytes(12).toString('base64url');
    this.grants.set(code, { redirectUri: request.redirectUri, codeChallenge: challengeOf(request.codeVerifier), nonce: request.nonce, identity, used: false });
    return code;
  }

  async exchange(grant: { code: string; codeVerifier: string; redirectUri: string; nonce: string }): Promise<VerifiedIdentity> {
    this.assertReachable();
    const stored = this.grants.get(grant.code);
    if (!stored || stored.used) throw new Unauthenticated('Google sign-in failed: the sign-in code was refused', 'AUTH.GOOGLE_CODE_REJECTED');
    stored.used = true;
    if (stored.redirectUri !== grant.redirectUri || stored.codeChallenge !== challengeOf(grant.codeVerifier)) {
      throw new Unauthenticated('Google sign-in failed: the sign-in code was refused', 'AUTH.GOOGLE_CODE_REJECTED');
    }
    if (stored.nonce !== grant.nonce) throw new Unauthenticated('Google sign-in failed: nonce mismatch', 'AUTH.GOOGLE_ID_TOKEN_INVALID');
    return { ...stored.identity };
  }

  private assertReachable(): void {
    if (this.unreachable) throw new DependencyUnavailable('identity provider');
  }
}
