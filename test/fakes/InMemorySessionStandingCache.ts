import type { Clock } from '../../src/application/ports/Clock';
import type { SessionStanding, SessionStandingCache } from '../../src/application/ports/SessionStandingCache';

/** A log of what was remembered and when each user was forgotten; the newest matching line wins. */
export class InMemorySessionStandingCache implements SessionStandingCache {
  private readonly remembered: { userId: string; sessionId: string; standing: SessionStanding; expiresAt: number; seq: number }[] = [];
  private readonly forgotten = new Map<string, number>();
  private seq = 0;

  constructor(private readonly clock: Clock) {}

  async recall(userId: string, sessionId: string): Promise<SessionStanding | null> {
    return this.known(userId, sessionId);
  }

  known(userId: string, sessionId: string): SessionStanding | null {
    const now = this.clock.now().getTime();
    const line = this.remembered.filter((r) => r.sessionId === sessionId).at(-1);
    if (!line || line.userId !== userId || line.expiresAt <= now || line.seq < (this.forgotten.get(userId) ?? 0)) return null;
    return { ...line.standing };
  }

  async remember(userId: string, sessionId: string, standing: SessionStanding, ttlMs: number): Promise<void> {
    this.remembered.push({ userId, sessionId, standing: { ...standing }, expiresAt: this.clock.now().getTime() + ttlMs, seq: ++this.seq });
  }

  async forgetUser(userId: string): Promise<void> {
    this.forgotten.set(userId, ++this.seq);
  }
}
