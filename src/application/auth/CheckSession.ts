import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { DependencyUnavailable, Unauthenticated } from '../../domain/shared/errors';
import type { Actor } from '../../domain/user/Role';
import type { AccessClaims } from '../ports/AccessTokens';
import type { Clock } from '../ports/Clock';
import type { SessionRepository } from '../ports/SessionRepository';
import type { SessionStanding, SessionStandingCache } from '../ports/SessionStandingCache';
import type { UserRepository } from '../ports/UserRepository';

/**
 * How long a standing read from the database is trusted. A change made where the cache is not told
 * (another process without Redis, the database edited by hand) is seen within this plus the
 * in-process memo in front of Redis (1 s): under 5 s in every deployment.
 */
export const STANDING_TTL_MS = 3_000;

/**
 * Runs on every authenticated request: the access token's signature is not enough once its session
 * was revoked, or its user blocked, deactivated, deleted or given another role.
 */
export class CheckSession {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly users: UserRepository,
    private readonly cache: SessionStandingCache,
    private readonly clock: Clock,
  ) {}

  async execute(claims: AccessClaims): Promise<Actor> {
    const standing = await this.standingOf(claims);
    if (!standing.active) throw new Unauthenticated('Your session has ended; please log in again', ERROR_CODES.AUTH.SESSION_ENDED);
    // Same remedy as an expired token: a refresh issues a token with the current role.
    if (standing.role !== claims.role) throw new Unauthenticated('jwt expired', ERROR_CODES.AUTH.TOKEN_EXPIRED);
    return actorOf(claims);
  }

  /**
   * The actor `execute` would let through, when this process already holds the session's standing and
   * it lets the caller act; null in every other case (nothing held, or a refusal, whose reason
   * `execute` gives). Never waits: for answers served ahead of the route pipeline (docs/adr/0015).
   */
  known(claims: AccessClaims): Actor | null {
    const standing = this.cache.known(claims.userId, claims.sessionId);
    return standing?.active && standing.role === claims.role ? actorOf(claims) : null;
  }

  /**
   * The cache is a copy of the database: while it is unreachable (Redis down), the database is read
   * instead, slower but still the truth, rather than refusing every signed-in caller. What was read is
   * still offered to the cache, whose in-process memo keeps it for a second even while Redis is away.
   */
  private async standingOf(claims: AccessClaims): Promise<SessionStanding> {
    let cached: SessionStanding | null = null;
    try {
      cached = await this.cache.recall(claims.userId, claims.sessionId);
    } catch (error) {
      if (!(error instanceof DependencyUnavailable)) throw error;
    }
    if (cached) return cached;
    const standing = await this.load(claims);
    await this.cache.remember(claims.userId, claims.sessionId, standing, STANDING_TTL_MS).catch((error: unknown) => {
      if (!(error instanceof DependencyUnavailable)) throw error;
    });
    return standing;
  }

  private async load(claims: AccessClaims): Promise<SessionStanding> {
    const [live, user] = await Promise.all([this.sessions.isLive(claims.sessionId, claims.userId, this.clock.now()), this.users.findById(claims.userId)]);
    if (!user) return { active: false, role: null };
    return { active: live && !user.isDeleted && user.status === 'ACTIVE', role: user.role };
  }
}

const actorOf = (claims: AccessClaims): Actor => ({ userId: claims.userId, role: claims.role, sessionId: claims.sessionId });
