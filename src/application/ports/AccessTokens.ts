import { Role } from '../../domain/user/Role';

export interface AccessClaims {
  userId: string;
  email: string;
  role: Role;
}

/** Short-lived signed access tokens. `verify` throws Unauthenticated (`jwt expired` when expired). */
export interface AccessTokens {
  issue(claims: AccessClaims): { token: string; expiresAt: Date };
  verify(token: string): AccessClaims;
}
