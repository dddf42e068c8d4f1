import type { SessionRepository } from '../../src/application/ports/SessionRepository';
import type { RefreshSessionProps } from '../../src/domain/session/RefreshSession';
import { RefreshSession } from '../../src/domain/session/RefreshSession';
import { Conflict } from '../../src/domain/shared/errors';
import { TransactionalTable } from './TransactionalTable';

export class InMemorySessionRepository implements SessionRepository {
  private readonly rows = new TransactionalTable<RefreshSessionProps>();

  async create(session: RefreshSession): Promise<void> {
    const props = session.toProps();
    if (this.rows.has(props.id) || (await this.rows.setUnique(props.id, props, (r) => r.tokenHash === props.tokenHash))) throw new Conflict('Session already exists');
  }

  async findByTokenHash(tokenHash: string): Promise<RefreshSession | null> {
    const row = this.rows.find((r) => r.tokenHash === tokenHash);
    return row ? RefreshSession.restore(row) : null;
  }

  /** A conditional write under the row's lock: the single winner a conditional UPDATE gives. */
  async markRotated(id: string, now: Date): Promise<boolean> {
    return this.rows.change(id, (row) => (row.rotatedAt || row.revokedAt ? null : { ...row, rotatedAt: now }));
  }

  async isLive(familyId: string, userId: string, now: Date): Promise<boolean> {
    return this.rows.values().some((r) => r.familyId === familyId && r.userId === userId && !r.revokedAt && r.expiresAt.getTime() > now.getTime());
  }

  async revokeFamily(familyId: string, now: Date): Promise<void> {
    await this.rows.update((r) => r.familyId === familyId && !r.revokedAt, (r) => ({ ...r, revokedAt: now }));
  }

  async revokeAllOfUser(userId: string, now: Date, exceptFamilyId?: string): Promise<void> {
    await this.rows.update((r) => r.userId === userId && !r.revokedAt && r.familyId !== exceptFamilyId, (r) => ({ ...r, revokedAt: now }));
  }

  /** Every stored session, for assertions. */
  all(): RefreshSessionProps[] {
    return this.rows.values().map((r) => ({ ...r }));
  }
}
