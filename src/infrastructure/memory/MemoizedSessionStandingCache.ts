import type { Clock } from '../../application/ports/Clock';
import type { SessionStanding, SessionStandingCache } from '../../application/ports/SessionStandingCache';
import { DependencyUnavailable } from '../../domain/shared/errors';

/**
 * The in-process fast path in front of a shared cache: an answer from Redis (or from the database,
 * while Redis is away) is reused for `memoMs`, so a busy session costs one round trip a second, not
 * one per request. Forgetting goes through at once here and in the shared cache; other processes
 * notice within `memoMs`.
 */
export class MemoizedSessionStandingCache implements SessionStandingCache {
  private readonly memo = new Map<string, { userId: string; standing: SessionStanding; until: number }>();

  constructor(private readonly shared: SessionStandingCache, private readonly clock: Clock, private readonly memoMs = 1_000) {}

  async recall(userId: string, sessionId: string): Promise<SessionStanding | null> {
    const hit = this.known(userId, sessionId);
    if (hit) return hit;
    const now = this.clock.now().getTime();
    const standing = await this.shared.recall(userId, sessionId);
    if (standing) this.keep(userId, sessionId, standing, now + this.memoMs);
    else this.memo.delete(sessionId);
    return standing;
  }

  known(userId: string, sessionId: string): SessionStanding | null {
    const hit = this.memo.get(sessionId);
    return hit && hit.userId === userId && hit.until > this.clock.now().getTime() ? hit.standing : null;
  }

  /**
   * Kept here first, so it holds while the shared cache is unreachable too: during a Redis outage a
   * busy session then reads the database once a second, not on every request (measured in
   * `bench -- session`). That is no staler than the memo always is.
   */
  async remember(userId: string, sessionId: string, standing: SessionStanding, ttlMs: number): Promise<void> {
    this.keep(userId, sessionId, standing, this.clock.now().getTime() + Math.min(this.memoMs, ttlMs));
    await this.shared.remember(userId, sessionId, standing, ttlMs);
  }

  /**
   * Forgetting is called after the change it follows was committed (a block, a logout). With the
   * shared cache unreachable it still succeeds here: CheckSession reads the database while the cache
   * is away, and the entries left behind lapse within their TTL, so failing would only turn a
   * committed change into a 503.
   */
  async forgetUser(userId: string): Promise<void> {
    for (const [sessionId, entry] of this.memo) if (entry.userId === userId) this.memo.delete(sessionId);
    await this.shared.forgetUser(userId).catch((error: unknown) => {
      if (!(error instanceof DependencyUnavailable)) throw error;
    });
  }

  private keep(userId: string, sessionId: string, standing: SessionStanding, until: number): void {
    if (this.memo.size >= 100_000) this.memo.clear();
    this.memo.set(sessionId, { userId, standing, until });
  }
}
