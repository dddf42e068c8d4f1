/** Who the provider says signed in; only ever built from a verified ID token. */
export interface VerifiedIdentity {
  /** The provider's stable id for the account (`sub`); emails can change, this does not. */
  subject: string;
  email: string;
  emailVerified: boolean;
  name: string | null;
}

/** One sign-in attempt's secrets, made by us and kept by the browser until the provider sends it back. */
export interface AuthorizationRequest {
  state: string;
  nonce: string;
  /** PKCE: the provider gets only its S256 challenge in the URL; the verifier goes with the code. */
  codeVerifier: string;
  redirectUri: string;
}

/** An OpenID Connect provider (Google) used for "sign in with". */
export interface IdentityProvider {
  authorizationUrl(request: AuthorizationRequest): Promise<string>;
  /**
   * Redeems the code and returns the identity from the ID token once its signature, issuer,
   * audience, expiry and nonce checked out. Unauthenticated when anything does not;
   * DependencyUnavailable when the provider cannot be reached.
   */
  exchange(grant: { code: string; codeVerifier: string; redirectUri: string; nonce: string }): Promise<VerifiedIdentity>;
}
