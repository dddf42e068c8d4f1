import { IsNull, MoreThan } from 'typeorm';
import type { PasswordResetRecord, PasswordResetRepository } from '../../../application/ports/PasswordResetRepository';
import type { Database} from '../Database';
import { affectedRows } from '../Database';
import { PasswordResetEntity } from '../entities/PasswordResetEntity';

export class TypeOrmPasswordResetRepository implements PasswordResetRepository {
  constructor(private readonly db: Database) {}

  private get repo() {
    return this.db.manager().getRepository(PasswordResetEntity);
  }

  async create(record: PasswordResetRecord): Promise<void> {
    await this.repo.insert({ ...record, usedAt: null });
  }

  async findUsable(tokenHash: string, now: Date): Promise<{ userId: string } | null> {
    const row = await this.repo.findOneBy({ tokenHash, usedAt: IsNull(), expiresAt: MoreThan(now) });
    return row ? { userId: row.userId } : null;
  }

  async voidAllOfUser(userId: string, now: Date): Promise<void> {
    await this.repo.update({ userId, usedAt: IsNull() }, { usedAt: now });
  }

  async consume(tokenHash: string, now: Date): Promise<{ userId: string } | null> {
    const row = await this.repo.findOneBy({ tokenHash });
    if (!row) return null;
    const result = await this.repo.update({ id: row.id, usedAt: IsNull(), expiresAt: MoreThan(now) }, { usedAt: now });
    return affectedRows(result) === 1 ? { userId: row.userId } : null;
  }
}
