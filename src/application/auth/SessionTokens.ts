import { RefreshSession } from '../../domain/session/RefreshSession';
import type { User } from '../../domain/user/User';
import type { AccessTokens } from '../ports/AccessTokens';
import type { Clock } from '../ports/Clock';
import type { IdGenerator } from '../ports/IdGenerator';
import type { SecretTokens } from '../ports/SecretTokens';
import type { SessionRepository } from '../ports/SessionRepository';

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  accessExpiresAt: Date;
  refreshExpiresAt: Date;
}

/** Starts or continues a session family: one access token plus a fresh single-use refresh token. */
export class SessionTokens {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly accessTokens: AccessTokens,
    private readonly secrets: SecretTokens,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly refreshTtlMs: number,
  ) {}

  async issue(user: User, familyId: string = this.ids.next()): Promise<IssuedTokens> {
    const refreshToken = this.secrets.generate();
    const now = this.clock.now();
    const session = RefreshSession.start({ id: this.ids.next(), userId: user.id, familyId, tokenHash: this.secrets.hash(refreshToken), now, ttlMs: this.refreshTtlMs });
    await this.sessions.create(session);
    const access = this.accessTokens.issue({ userId: user.id, email: user.email.value, role: user.role, sessionId: familyId });
    return { accessToken: access.token, refreshToken, accessExpiresAt: access.expiresAt, refreshExpiresAt: session.expiresAt };
  }
}
