import { PasswordResetRecord, PasswordResetRepository } from '../../src/application/ports/PasswordResetRepository';
import { Snapshottable } from './InMemoryUnitOfWork';

type Row = PasswordResetRecord & { usedAt: Date | null };

export class InMemoryPasswordResetRepository implements PasswordResetRepository, Snapshottable {
  private rows = new Map<string, Row>();

  async create(record: PasswordResetRecord): Promise<void> {
    this.rows.set(record.id, { ...record, usedAt: null });
  }

  async findUsable(tokenHash: string, now: Date): Promise<{ userId: string } | null> {
    const row = [...this.rows.values()].find((r) => r.tokenHash === tokenHash);
    return row && !row.usedAt && row.expiresAt.getTime() > now.getTime() ? { userId: row.userId } : null;
  }

  async voidAllOfUser(userId: string, now: Date): Promise<void> {
    for (const row of this.rows.values()) if (row.userId === userId && !row.usedAt) row.usedAt = now;
  }

  async consume(tokenHash: string, now: Date): Promise<{ userId: string } | null> {
    const row = [...this.rows.values()].find((r) => r.tokenHash === tokenHash);
    if (!row || row.usedAt || row.expiresAt.getTime() <= now.getTime()) return null;
    row.usedAt = now;
    return { userId: row.userId };
  }

  all(): Row[] {
    return [...this.rows.values()].map((r) => ({ ...r }));
  }

  snapshot(): unknown {
    return new Map([...this.rows].map(([id, r]) => [id, { ...r }]));
  }

  restore(state: unknown): void {
    this.rows = state as Map<string, Row>;
  }
}
