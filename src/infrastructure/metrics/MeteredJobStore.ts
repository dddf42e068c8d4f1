import type { ClaimedJob, JobRecord, JobStatus, JobStore } from '../../application/ports/JobStore';
import type { PrometheusMetrics } from './PrometheusMetrics';

/** Counts failed job runs by type (each retry and the final, dead one); everything else passes through. */
export class MeteredJobStore implements JobStore {
  constructor(private readonly inner: JobStore, private readonly metrics: PrometheusMetrics) {}

  claim(input: { now: Date; leaseMs: number; limit: number; claimToken: string }): Promise<ClaimedJob[]> {
    return this.inner.claim(input);
  }

  renew(job: ClaimedJob, now: Date, leaseMs: number): Promise<boolean> {
    return this.inner.renew(job, now, leaseMs);
  }

  complete(job: ClaimedJob, now: Date): Promise<boolean> {
    return this.inner.complete(job, now);
  }

  /** Counted once the failure is recorded: the worker retries a write that did not reach the store. */
  async fail(job: ClaimedJob, error: string, now: Date, retryAt: Date | null): Promise<boolean> {
    const recorded = await this.inner.fail(job, error, now, retryAt);
    this.metrics.jobFailures.inc({ type: job.type });
    return recorded;
  }

  list(filter: { status?: JobStatus; type?: string; limit: number }): Promise<JobRecord[]> {
    return this.inner.list(filter);
  }

  retry(id: string, now: Date): Promise<boolean> {
    return this.inner.retry(id, now);
  }

  purgeDead(before: Date, type?: string): Promise<number> {
    return this.inner.purgeDead(before, type);
  }

  claimPeriodic(task: string, now: Date, everyMs: number): Promise<boolean> {
    return this.inner.claimPeriodic(task, now, everyMs);
  }

  releasePeriodic(task: string, startedAt: Date): Promise<void> {
    return this.inner.releasePeriodic(task, startedAt);
  }

  periodicMark(task: string): Promise<Date | null> {
    return this.inner.periodicMark(task);
  }

  markPeriodic(task: string, startedAt: Date): Promise<void> {
    return this.inner.markPeriodic(task, startedAt);
  }
}
