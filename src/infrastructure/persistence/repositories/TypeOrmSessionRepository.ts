import { IsNull, MoreThan, Not } from 'typeorm';
import type { SessionRepository } from '../../../application/ports/SessionRepository';
import { RefreshSession } from '../../../domain/session/RefreshSession';
import type { Database} from '../Database';
import { affectedRows } from '../Database';
import { RefreshSessionEntity } from '../entities/RefreshSessionEntity';

export class TypeOrmSessionRepository implements SessionRepository {
  constructor(private readonly db: Database) {}

  private get repo() {
    return this.db.manager().getRepository(RefreshSessionEntity);
  }

  async create(session: RefreshSession): Promise<void> {
    await this.repo.insert(session.toProps());
  }

  async findByTokenHash(tokenHash: string): Promise<RefreshSession | null> {
    const row = await this.repo.findOneBy({ tokenHash });
    return row ? RefreshSession.restore(row) : null;
  }

  async markRotated(id: string, now: Date): Promise<boolean> {
    const result = await this.repo.update({ id, rotatedAt: IsNull(), revokedAt: IsNull() }, { rotatedAt: now });
    return affectedRows(result) === 1;
  }

  async isLive(familyId: string, userId: string, now: Date): Promise<boolean> {
    return this.repo.existsBy({ familyId, userId, revokedAt: IsNull(), expiresAt: MoreThan(now) });
  }

  async revokeFamily(familyId: string, now: Date): Promise<void> {
    await this.repo.update({ familyId, revokedAt: IsNull() }, { revokedAt: now });
  }

  async revokeAllOfUser(userId: string, now: Date, exceptFamilyId?: string): Promise<void> {
    const where = exceptFamilyId ? { userId, revokedAt: IsNull(), familyId: Not(exceptFamilyId) } : { userId, revokedAt: IsNull() };
    await this.repo.update(where, { revokedAt: now });
  }
}
