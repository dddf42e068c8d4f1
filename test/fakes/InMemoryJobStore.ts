import type { NewJob, JobQueue } from '../../src/application/ports/JobQueue';
import type { ClaimedJob, JobRecord, JobStatus, JobStore } from '../../src/application/ports/JobStore';
import type { Clock } from '../../src/application/ports/Clock';
import { TransactionalTable } from './TransactionalTable';

type Row = JobRecord & { claimToken: string | null };

/** The outbox in memory: the queue side for use cases, the store side for workers. */
export class InMemoryJobStore implements JobQueue, JobStore {
  private readonly rows = new TransactionalTable<Row>();
  private n = 0;
  private readonly periodicStarts = new Map<string, number>();
  private readonly periodicMarks = new Map<string, number>();

  constructor(private readonly clock: Clock) {}

  async enqueue(job: NewJob): Promise<void> {
    const now = this.clock.now();
    this.n += 1;
    const id = `job-${String(this.n).padStart(4, '0')}`;
    // A dedupe key already taken (by any version of a job) adds nothing, like the unique index.
    await this.rows.setUnique(id, {
      id, type: job.type, payload: JSON.parse(JSON.stringify(job.payload)), status: 'queued', attempts: 0, maxAttempts: job.maxAttempts ?? 8,
      runAt: job.runAt ?? now, leaseUntil: null, lastError: null, dedupeKey: job.dedupeKey ?? null, createdAt: now, updatedAt: now, claimToken: null,
    }, (r) => job.dedupeKey !== undefined && r.dedupeKey === job.dedupeKey);
  }

  async claim(input: { now: Date; leaseMs: number; limit: number; claimToken: string }): Promise<ClaimedJob[]> {
    const t = input.now.getTime();
    const due = (r: Row) => (r.status === 'queued' && r.runAt.getTime() <= t) || (r.status === 'running' && r.leaseUntil!.getTime() < t);
    const claimed: ClaimedJob[] = [];
    for (const candidate of this.rows.values().filter(due).sort((a, b) => a.runAt.getTime() - b.runAt.getTime())) {
      if (claimed.length >= input.limit) break;
      let job: ClaimedJob | null = null;
      await this.rows.change(candidate.id, (r) => {
        if (!due(r)) return null;
        job = { id: r.id, type: r.type, payload: r.payload, attempts: r.attempts + 1, maxAttempts: r.maxAttempts, claimToken: input.claimToken };
        return { ...r, status: 'running', leaseUntil: new Date(t + input.leaseMs), claimToken: input.claimToken, attempts: r.attempts + 1, updatedAt: input.now };
      });
      if (job) claimed.push(job);
    }
    return claimed;
  }

  async renew(job: ClaimedJob, now: Date, leaseMs: number): Promise<boolean> {
    return this.changeHeld(job, { leaseUntil: new Date(now.getTime() + leaseMs), updatedAt: now });
  }

  async complete(job: ClaimedJob, now: Date): Promise<boolean> {
    return this.changeHeld(job, { status: 'done', leaseUntil: null, claimToken: null, updatedAt: now });
  }

  async fail(job: ClaimedJob, error: string, now: Date, retryAt: Date | null): Promise<boolean> {
    return this.changeHeld(job, { status: retryAt ? 'queued' : 'dead', ...(retryAt ? { runAt: retryAt } : {}), leaseUntil: null, claimToken: null, lastError: error, updatedAt: now });
  }

  async list(filter: { status?: JobStatus; type?: string; limit: number }): Promise<JobRecord[]> {
    return this.rows.values()
      .filter((r) => (!filter.status || r.status === filter.status) && (!filter.type || r.type === filter.type))
      .reverse()
      .slice(0, filter.limit)
      .map(({ claimToken: _, ...r }) => ({ ...r }));
  }

  async retry(id: string, now: Date): Promise<boolean> {
    return this.rows.change(id, (r) => (r.status === 'dead' ? { ...r, status: 'queued', attempts: 0, runAt: now, updatedAt: now } : null));
  }

  async purgeDead(before: Date, type?: string): Promise<number> {
    const doomed = this.rows.values().filter((r) => r.status === 'dead' && r.updatedAt.getTime() < before.getTime() && (type === undefined || r.type === type));
    for (const r of doomed) await this.rows.delete(r.id);
    return doomed.length;
  }

  async claimPeriodic(task: string, now: Date, everyMs: number): Promise<boolean> {
    const last = this.periodicStarts.get(task);
    if (last !== undefined && last > now.getTime() - everyMs) return false;
    this.periodicStarts.set(task, now.getTime());
    return true;
  }

  async releasePeriodic(task: string, startedAt: Date): Promise<void> {
    if (this.periodicStarts.get(task) === startedAt.getTime()) this.periodicStarts.delete(task);
  }

  async periodicMark(task: string): Promise<Date | null> {
    const mark = this.periodicMarks.get(task);
    return mark === undefined ? null : new Date(mark);
  }

  async markPeriodic(task: string, startedAt: Date): Promise<void> {
    this.periodicMarks.set(task, Math.max(this.periodicMarks.get(task) ?? 0, startedAt.getTime()));
  }

  /** Jobs of `type`, for assertions. */
  ofType(type: string): JobRecord[] {
    return this.rows.values().filter((r) => r.type === type);
  }

  private async changeHeld(job: ClaimedJob, change: Partial<Row>): Promise<boolean> {
    return this.rows.change(job.id, (r) => (r.status === 'running' && r.claimToken === job.claimToken ? { ...r, ...change } : null));
  }
}
