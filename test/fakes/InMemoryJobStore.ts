import { NewJob, JobQueue } from '../../src/application/ports/JobQueue';
import { ClaimedJob, JobRecord, JobStatus, JobStore } from '../../src/application/ports/JobStore';
import { Clock } from '../../src/application/ports/Clock';
import { Snapshottable } from './InMemoryUnitOfWork';

/** The outbox in memory: the queue side for use cases, the store side for workers. */
export class InMemoryJobStore implements JobQueue, JobStore, Snapshottable {
  private rows = new Map<string, JobRecord & { claimToken: string | null }>();
  private n = 0;

  constructor(private readonly clock: Clock) {}

  async enqueue(job: NewJob): Promise<void> {
    if (job.dedupeKey && [...this.rows.values()].some((r) => r.dedupeKey === job.dedupeKey)) return;
    const now = this.clock.now();
    this.n += 1;
    const id = `job-${String(this.n).padStart(4, '0')}`;
    this.rows.set(id, {
      id, type: job.type, payload: JSON.parse(JSON.stringify(job.payload)), status: 'queued', attempts: 0, maxAttempts: job.maxAttempts ?? 8,
      runAt: job.runAt ?? now, leaseUntil: null, lastError: null, dedupeKey: job.dedupeKey ?? null, createdAt: now, updatedAt: now, claimToken: null,
    });
  }

  async claim(input: { now: Date; leaseMs: number; limit: number; claimToken: string }): Promise<ClaimedJob[]> {
    const t = input.now.getTime();
    const due = [...this.rows.values()]
      .filter((r) => (r.status === 'queued' && r.runAt.getTime() <= t) || (r.status === 'running' && r.leaseUntil!.getTime() < t))
      .sort((a, b) => a.runAt.getTime() - b.runAt.getTime())
      .slice(0, input.limit);
    return due.map((r) => {
      Object.assign(r, { status: 'running', leaseUntil: new Date(t + input.leaseMs), claimToken: input.claimToken, attempts: r.attempts + 1, updatedAt: input.now });
      return { id: r.id, type: r.type, payload: r.payload, attempts: r.attempts, maxAttempts: r.maxAttempts, claimToken: input.claimToken };
    });
  }

  async renew(job: ClaimedJob, now: Date, leaseMs: number): Promise<boolean> {
    const r = this.held(job);
    if (!r) return false;
    Object.assign(r, { leaseUntil: new Date(now.getTime() + leaseMs), updatedAt: now });
    return true;
  }

  async complete(job: ClaimedJob, now: Date): Promise<boolean> {
    const r = this.held(job);
    if (!r) return false;
    Object.assign(r, { status: 'done', leaseUntil: null, claimToken: null, updatedAt: now });
    return true;
  }

  async fail(job: ClaimedJob, error: string, now: Date, retryAt: Date | null): Promise<boolean> {
    const r = this.held(job);
    if (!r) return false;
    Object.assign(r, { status: retryAt ? 'queued' : 'dead', runAt: retryAt ?? r.runAt, leaseUntil: null, claimToken: null, lastError: error, updatedAt: now });
    return true;
  }

  async list(filter: { status?: JobStatus; type?: string; limit: number }): Promise<JobRecord[]> {
    return [...this.rows.values()]
      .filter((r) => (!filter.status || r.status === filter.status) && (!filter.type || r.type === filter.type))
      .reverse()
      .slice(0, filter.limit)
      .map(({ claimToken: _, ...r }) => ({ ...r }));
  }

  async retry(id: string, now: Date): Promise<boolean> {
    const r = this.rows.get(id);
    if (!r || r.status !== 'dead') return false;
    Object.assign(r, { status: 'queued', attempts: 0, runAt: now, updatedAt: now });
    return true;
  }

  async purgeDead(before: Date, type?: string): Promise<number> {
    const doomed = [...this.rows.values()].filter((r) => r.status === 'dead' && r.updatedAt.getTime() < before.getTime() && (type === undefined || r.type === type));
    for (const r of doomed) this.rows.delete(r.id);
    return doomed.length;
  }

  /** Jobs of `type`, for assertions. */
  ofType(type: string): JobRecord[] {
    return [...this.rows.values()].filter((r) => r.type === type);
  }

  snapshot(): unknown {
    return new Map([...this.rows].map(([id, r]) => [id, { ...r }]));
  }

  restore(state: unknown): void {
    this.rows = state as Map<string, JobRecord & { claimToken: string | null }>;
  }

  private held(job: ClaimedJob) {
    const r = this.rows.get(job.id);
    return r && r.status === 'running' && r.claimToken === job.claimToken ? r : null;
  }
}
