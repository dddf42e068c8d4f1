import type { ObjectLiteral, Repository } from 'typeorm';
import type { IssueLease } from '../../../application/ports/DraftDocuments';
import type { Database } from '../Database';
import { affectedRows } from '../Database';

/** The columns every DRAFT-issued document table has (invoices, credit_notes). */
interface DraftRow extends ObjectLiteral {
  id: string;
  status: string;
  leaseToken: string | null;
  leaseUntil: Date | null;
}

/**
 * The next number of `series` in `year`: one atomic UPDATE of its `document_sequences` row, which
 * on MySQL row-locks the counter until the transaction ends (concurrent reservations queue there)
 * and on SQLite takes the writer lock; a rollback takes the number back (docs/adr/0005).
 */
export async function reserveSequence(db: Database, series: string, year: number): Promise<number> {
  const manager = db.manager();
  const where = 'series = :series AND year = :year';
  const bump = () => manager.createQueryBuilder().update('document_sequences').set({ lastNumber: () => 'lastNumber + 1' }).where(where, { series, year }).execute();
  if (affectedRows(await bump()) === 0) {
    // Years outside the range the migrations seed: create the row, then move it like any other.
    await manager.createQueryBuilder().insert().into('document_sequences').values({ series, year, lastNumber: 0 }).orIgnore().execute();
    await bump();
  }
  const row = await manager.createQueryBuilder().select('lastNumber', 'lastNumber').from('document_sequences', 's').where(where, { series, year }).getRawOne<{ lastNumber: number | string }>();
  return Number(row!.lastNumber);
}

/** The lease operations on a DRAFT row, the same for every document table. */
export const draftLeases = {
  async take<R extends DraftRow>(repo: Repository<R>, id: string, lease: IssueLease, now: Date): Promise<boolean> {
    const result = await repo.createQueryBuilder().update()
      .set({ leaseToken: lease.token, leaseUntil: lease.until } as never)
      .where('id = :id AND status = :draft AND (leaseUntil IS NULL OR leaseUntil <= :now)', { id, draft: 'DRAFT', now })
      .execute();
    return affectedRows(result) === 1;
  },

  async release<R extends DraftRow>(repo: Repository<R>, id: string, token: string): Promise<void> {
    await repo.createQueryBuilder().update().set({ leaseToken: null, leaseUntil: null } as never)
      .where('id = :id AND status = :draft AND leaseToken = :token', { id, draft: 'DRAFT', token }).execute();
  },

  /** Writes `issued` over the DRAFT only while `token` still holds it. */
  async saveIssued<R extends DraftRow>(repo: Repository<R>, id: string, token: string, issued: Partial<R>): Promise<boolean> {
    const result = await repo.createQueryBuilder().update().set({ ...issued, leaseToken: null, leaseUntil: null } as never)
      .where('id = :id AND status = :draft AND leaseToken = :token', { id, draft: 'DRAFT', token }).execute();
    return affectedRows(result) === 1;
  },

  async markEmailed<R extends DraftRow>(repo: Repository<R>, id: string, now: Date): Promise<void> {
    await repo.createQueryBuilder().update().set({ emailedAt: now } as never).where('id = :id AND status = :issued', { id, issued: 'ISSUED' }).execute();
  },
};
