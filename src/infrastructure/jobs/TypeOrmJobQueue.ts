import type { Clock } from '../../application/ports/Clock';
import type { IdGenerator } from '../../application/ports/IdGenerator';
import type { JobQueue, NewJob } from '../../application/ports/JobQueue';
import type { Database } from '../persistence/Database';
import { JobEntity } from '../persistence/entities/JobEntity';

export const DEFAULT_MAX_ATTEMPTS = 8;

/** Writes outbox rows through the running transaction, so a job exists only if its cause committed. */
export class TypeOrmJobQueue implements JobQueue {
  constructor(private readonly db: Database, private readonly ids: IdGenerator, private readonly clock: Clock) {}

  async enqueue(job: NewJob): Promise<void> {
    const now = this.clock.now();
    await this.db.manager().createQueryBuilder()
      .insert()
      .into(JobEntity)
      .values({
        id: this.ids.next(), type: job.type, payload: JSON.stringify(job.payload), status: 'queued', attempts: 0,
        maxAttempts: job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS, runAt: job.runAt ?? now, leaseUntil: null, claimToken: null,
        lastError: null, dedupeKey: job.dedupeKey ?? null, createdAt: now, updatedAt: now,
      })
      // A job with the same dedupe key is already there: that one does the work.
      .orIgnore()
      .execute();
  }
}
