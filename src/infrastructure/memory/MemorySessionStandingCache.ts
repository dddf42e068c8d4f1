import type { Clock } from '../../application/ports/Clock';
import type { SessionStanding, SessionStandingCache } from '../../application/ports/SessionStandingCache';

interface Entry {
  userId: string;
  standing: SessionStanding;
  expiresAt: number;
  /** The user's generation when it was remembered; `forgetUser` moves the generation on. */
  generation: number;
}

/** The embedded default: standings in this process only, forgotten per user by bumping a generation. */
export class MemorySessionStandingCache implements SessionStandingCache {
  private readonly entries = new Map<string, Entry>();
  private readonly generations = new Map<string, number>();
  private writes = 0;

  constructor(private readonly clock: Clock) {}

  async recall(userId: string, sessionId: string): Promise<SessionStanding | null> {
    return this.known(userId, sessionId);
  }

  known(userId: string, sessionId: string): SessionStanding | null {
    const entry = this.entries.get(sessionId);
    if (!entry || entry.userId !== userId || entry.expiresAt <= this.clock.now().getTime()) return null;
    return entry.generation === (this.generations.get(userId) ?? 0) ? entry.standing : null;
  }

  async remember(userId: string, sessionId: string, standing: SessionStanding, ttlMs: number): Promise<void> {
    const now = this.clock.now().getTime();
    if (++this.writes % 1000 === 0) this.sweep(now);
    this.entries.set(sessionId, { userId, standing, expiresAt: now + ttlMs, generation: this.generations.get(userId) ?? 0 });
  }

  async forgetUser(userId: string): Promise<void> {
    this.generations.set(userId, (this.generations.get(userId) ?? 0) + 1);
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
    const live = new Set([...this.entries.values()].map((e) => e.userId));
    for (const userId of this.generations.keys()) if (!live.has(userId)) this.generations.delete(userId);
  }
}
