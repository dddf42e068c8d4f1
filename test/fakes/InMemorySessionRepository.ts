import { SessionRepository } from '../../src/application/ports/SessionRepository';
import { RefreshSession, RefreshSessionProps } from '../../src/domain/session/RefreshSession';
import { Conflict } from '../../src/domain/shared/errors';
import { Snapshottable } from './InMemoryUnitOfWork';

export class InMemorySessionRepository implements SessionRepository, Snapshottable {
  private rows = new Map<string, RefreshSessionProps>();

  async create(session: RefreshSession): Promise<void> {
    const props = session.toProps();
    if (this.rows.has(props.id) || [...this.rows.values()].some((r) => r.tokenHash === props.tokenHash)) {
      throw new Conflict('Session already exists');
    }
    this.rows.set(props.id, props);
  }

  async findByTokenHash(tokenHash: string): Promise<RefreshSession | null> {
    const row = [...this.rows.values()].find((r) => r.tokenHash === tokenHash);
    return row ? RefreshSession.restore(row) : null;
  }

  /** Check and set with no await in between: the single winner a conditional UPDATE gives. */
  async markRotated(id: string, now: Date): Promise<boolean> {
    const row = this.rows.get(id);
    if (!row || row.rotatedAt || row.revokedAt) return false;
    row.rotatedAt = now;
    return true;
  }

  async isLive(familyId: string, userId: string, now: Date): Promise<boolean> {
    return [...this.rows.values()].some((r) => r.familyId === familyId && r.userId === userId && !r.revokedAt && r.expiresAt.getTime() > now.getTime());
  }

  async revokeFamily(familyId: string, now: Date): Promise<void> {
    for (const row of this.rows.values()) if (row.familyId === familyId && !row.revokedAt) row.revokedAt = now;
  }

  async revokeAllOfUser(userId: string, now: Date, exceptFamilyId?: string): Promise<void> {
    for (const row of this.rows.values()) {
      if (row.userId === userId && !row.revokedAt && row.familyId !== exceptFamilyId) row.revokedAt = now;
    }
  }

  /** Every stored session, for assertions. */
  all(): RefreshSessionProps[] {
    return [...this.rows.values()].map((r) => ({ ...r }));
  }

  snapshot(): unknown {
    return new Map([...this.rows].map(([id, r]) => [id, { ...r }]));
  }

  restore(state: unknown): void {
    this.rows = state as Map<string, RefreshSessionProps>;
  }
}
