import { In } from 'typeorm';
import type { ClaimedJob, JobRecord, JobStatus, JobStore } from '../../application/ports/JobStore';
import type { Database} from '../persistence/Database';
import { affectedRows } from '../persistence/Database';
import type { JobRow } from '../persistence/entities/JobEntity';
import { JobEntity } from '../persistence/entities/JobEntity';
import { PeriodicRunEntity } from '../persistence/entities/PeriodicRunEntity';
import { toDate } from '../persistence/rowValues';

const DUE = "((j.status = 'queued' AND j.runAt <= :now) OR (j.status = 'running' AND j.leaseUntil < :now))";
const ERROR_MAX = 2000;

/**
 * Workers claim due jobs with a lease. MySQL/MariaDB: `FOR UPDATE SKIP LOCKED`, so workers in
 * many processes never wait on each other's rows. SQLite: the claim is a conditional update
 * that only takes rows still due, inside a transaction (one writer at a time).
 */
export class TypeOrmJobStore implements JobStore {
  constructor(private readonly db: Database) {}

  private get repo() {
    return this.db.manager().getRepository(JobEntity);
  }

  claim(input: { now: Date; leaseMs: number; limit: number; claimToken: string }): Promise<ClaimedJob[]> {
    const { now, claimToken } = input;
    return this.db.transaction(async () => {
      const select = this.repo.createQueryBuilder('j').select('j.id', 'id').where(DUE, { now }).orderBy('j.runAt', 'ASC').limit(input.limit);
      if (this.db.dialect === 'mysql') select.setLock('pessimistic_write').setOnLocked('skip_locked');
      const ids = (await select.getRawMany<{ id: string }>()).map((r) => r.id);
      if (!ids.length) return [];
      await this.repo.createQueryBuilder('j')
        .update()
        .set({ status: 'running', leaseUntil: new Date(now.getTime() + input.leaseMs), claimToken, attempts: () => 'attempts + 1', updatedAt: now })
        .where('id IN (:...ids)', { ids })
        .andWhere(DUE.replace(/j\./g, ''), { now })
        .execute();
      const rows = await this.repo.findBy({ id: In(ids), claimToken });
      return rows.map((r) => ({ id: r.id, type: r.type, payload: JSON.parse(r.payload), attempts: Number(r.attempts), maxAttempts: Number(r.maxAttempts), claimToken }));
    });
  }

  renew(job: ClaimedJob, now: Date, leaseMs: number): Promise<boolean> {
    return this.db.transaction(async () => {
      const result = await this.repo.update({ id: job.id, claimToken: job.claimToken, status: 'running' }, { leaseUntil: new Date(now.getTime() + leaseMs), updatedAt: now });
      return affectedRows(result) === 1;
    });
  }

  complete(job: ClaimedJob, now: Date): Promise<boolean> {
    return this.db.transaction(async () => {
      const result = await this.repo.update({ id: job.id, claimToken: job.claimToken, status: 'running' }, { status: 'done', leaseUntil: null, claimToken: null, updatedAt: now });
      return affectedRows(result) === 1;
    });
  }

  fail(job: ClaimedJob, error: string, now: Date, retryAt: Date | null): Promise<boolean> {
    return this.db.transaction(async () => {
      const result = await this.repo.update(
        { id: job.id, claimToken: job.claimToken, status: 'running' },
        { status: retryAt ? 'queued' : 'dead', ...(retryAt ? { runAt: retryAt } : {}), leaseUntil: null, claimToken: null, lastError: error.slice(0, ERROR_MAX), updatedAt: now },
      );
      return affectedRows(result) === 1;
    });
  }

  async list(filter: { status?: JobStatus; type?: string; limit: number }): Promise<JobRecord[]> {
    const rows = await this.repo.find({
      where: { ...(filter.status ? { status: filter.status } : {}), ...(filter.type ? { type: filter.type } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: filter.limit,
    });
    return rows.map(toRecord);
  }

  retry(id: string, now: Date): Promise<boolean> {
    return this.db.transaction(async () => {
      const result = await this.repo.update({ id, status: 'dead' }, { status: 'queued', attempts: 0, runAt: now, updatedAt: now });
      return affectedRows(result) === 1;
    });
  }

  /** One DELETE; a dead job's `updatedAt` is when it died (nothing touches it afterwards but `retry`). */
  purgeDead(before: Date, type?: string): Promise<number> {
    return this.db.transaction(async () => {
      // No alias: MySQL's DELETE does not take the query builder's one.
      const query = this.repo.createQueryBuilder()
        .delete()
        .where('status = :status', { status: 'dead' })
        .andWhere('updatedAt < :before', { before });
      if (type !== undefined) query.andWhere('type = :type', { type });
      return affectedRows(await query.execute());
    });
  }

  /** A conditional update of the task's row: of workers racing for one run, only the first finds it still due. */
  claimPeriodic(task: string, now: Date, everyMs: number): Promise<boolean> {
    return this.db.transaction(async () => {
      const runs = await this.periodicRow(task);
      const result = await runs.createQueryBuilder()
        .update()
        .set({ startedAt: now })
        .where('task = :task AND startedAt <= :due', { task, due: new Date(now.getTime() - everyMs) })
        .execute();
      return affectedRows(result) === 1;
    });
  }

  async releasePeriodic(task: string, startedAt: Date): Promise<void> {
    await this.db.manager().getRepository(PeriodicRunEntity).createQueryBuilder()
      .update()
      .set({ startedAt: new Date(0) })
      .where('task = :task AND startedAt = :startedAt', { task, startedAt })
      .execute();
  }

  async periodicMark(task: string): Promise<Date | null> {
    const row = await this.db.manager().getRepository(PeriodicRunEntity).findOneBy({ task });
    return toDate(row?.markedAt ?? null);
  }

  async markPeriodic(task: string, startedAt: Date): Promise<void> {
    const runs = await this.periodicRow(task);
    await runs.createQueryBuilder()
      .update()
      .set({ markedAt: startedAt })
      .where('task = :task AND (markedAt IS NULL OR markedAt < :startedAt)', { task, startedAt })
      .execute();
  }

  /** The task's row in `periodic_runs`, made (never run, no mark) if it is not there yet; answers the repository to update it with. */
  private async periodicRow(task: string) {
    const runs = this.db.manager().getRepository(PeriodicRunEntity);
    await runs.createQueryBuilder().insert().values({ task, startedAt: new Date(0) }).orIgnore().execute();
    return runs;
  }
}

function toRecord(r: JobRow): JobRecord {
  return {
    id: r.id, type: r.type, payload: JSON.parse(r.payload), status: r.status as JobStatus, attempts: Number(r.attempts), maxAttempts: Number(r.maxAttempts),
    runAt: toDate(r.runAt)!, leaseUntil: toDate(r.leaseUntil), lastError: r.lastError, dedupeKey: r.dedupeKey, createdAt: toDate(r.createdAt)!, updatedAt: toDate(r.updatedAt)!,
  };
}
