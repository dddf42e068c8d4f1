import type { Role } from '../../domain/user/Role';

export interface AccessClaims {
  userId: string;
  email: string;
  role: Role;
  /** The session (refresh-token family) the token was issued for: revoking it ends the token too. */
  sessionId: string;
}

/**
 * Short-lived signed access tokens. `verify` throws Unauthenticated (`jwt expired` when expired);
 * a token without an expiry or a session is never accepted.
 */
export interface AccessTokens {
  issue(claims: AccessClaims): { token: string; expiresAt: Date };
  verify(token: string): AccessClaims;
}
