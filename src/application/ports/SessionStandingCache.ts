import type { Role } from '../../domain/user/Role';

/** What a request needs to know about the session behind an access token, as last read from the database. */
export interface SessionStanding {
  /** The session is live and its user may act: not revoked, not blocked, inactive or deleted. */
  active: boolean;
  /** The user's role now (null when the user is gone); a token carrying another role is stale. */
  role: Role | null;
}

/**
 * A short memory of session standings, shared by every process that serves the API when it lives in
 * Redis, so most requests never read the database. Entries die after their TTL on their own;
 * `forgetUser` drops every entry of a user at once, for every process sharing the cache.
 */
export interface SessionStandingCache {
  recall(userId: string, sessionId: string): Promise<SessionStanding | null>;
  /**
   * What this process already holds, without asking anyone: null when it holds nothing (a cache that
   * lives only in Redis always answers null). Never a standing that `recall` would not give.
   */
  known(userId: string, sessionId: string): SessionStanding | null;
  remember(userId: string, sessionId: string, standing: SessionStanding, ttlMs: number): Promise<void>;
  forgetUser(userId: string): Promise<void>;
}
