import type { PasswordResetRecord, PasswordResetRepository } from '../../src/application/ports/PasswordResetRepository';
import { TransactionalTable } from './TransactionalTable';

type Row = PasswordResetRecord & { usedAt: Date | null };

export class InMemoryPasswordResetRepository implements PasswordResetRepository {
  private readonly rows = new TransactionalTable<Row>();

  async create(record: PasswordResetRecord): Promise<void> {
    await this.rows.set(record.id, { ...record, usedAt: null });
  }

  async findUsable(tokenHash: string, now: Date): Promise<{ userId: string } | null> {
    const row = this.rows.find((r) => r.tokenHash === tokenHash);
    return row && usable(row, now) ? { userId: row.userId } : null;
  }

  async voidAllOfUser(userId: string, now: Date): Promise<void> {
    await this.rows.update((r) => r.userId === userId && !r.usedAt, (r) => ({ ...r, usedAt: now }));
  }

  async consume(tokenHash: string, now: Date): Promise<{ userId: string } | null> {
    const found = this.rows.find((r) => r.tokenHash === tokenHash);
    const used = found && (await this.rows.change(found.id, (row) => (usable(row, now) ? { ...row, usedAt: now } : null)));
    return used ? { userId: found.userId } : null;
  }

  all(): Row[] {
    return this.rows.values().map((r) => ({ ...r }));
  }
}

function usable(row: Row, now: Date): boolean {
  return !row.usedAt && row.expiresAt.getTime() > now.getTime();
}
