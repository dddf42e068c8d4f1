export const JOB_STATUSES = ['queued', 'running', 'done', 'dead'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export interface JobRecord {
  id: string;
  type: string;
  payload: Record<string, unknown>;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  runAt: Date;
  leaseUntil: Date | null;
  lastError: string | null;
  dedupeKey: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A job one worker holds until `leaseUntil`; `claimToken` proves it still does. */
export interface ClaimedJob {
  id: string;
  type: string;
  payload: Record<string, unknown>;
  /** Counting this run. */
  attempts: number;
  maxAttempts: number;
  claimToken: string;
}

/** The workers' side of the outbox. Many workers in many processes may call it at once. */
export interface JobStore {
  /**
   * Claims up to `limit` due jobs (queued with runAt ≤ now, or running with a lapsed lease)
   * for `leaseMs`; no two callers get the same job while the lease lasts.
   */
  claim(input: { now: Date; leaseMs: number; limit: number; claimToken: string }): Promise<ClaimedJob[]>;
  /**
   * The heartbeat: extends the lease of a job still held under `job.claimToken` to `now + leaseMs`.
   * False when the lease was lost (another worker took the job over, or it was completed or failed).
   */
  renew(job: ClaimedJob, now: Date, leaseMs: number): Promise<boolean>;
  /** False when the lease was lost (another worker took the job over). */
  complete(job: ClaimedJob, now: Date): Promise<boolean>;
  /** Back to `queued` at `retryAt`, or `dead` when retryAt is null. */
  fail(job: ClaimedJob, error: string, now: Date, retryAt: Date | null): Promise<boolean>;
  list(filter: { status?: JobStatus; type?: string; limit: number }): Promise<JobRecord[]>;
  /** A dead job queued again with a fresh set of attempts. */
  retry(id: string, now: Date): Promise<boolean>;
  /** Deletes the jobs that went dead before `before` (of `type`, when given); answers how many. */
  purgeDead(before: Date, type?: string): Promise<number>;
  /**
   * Takes the run of periodic task `task` that is due at `now`: true when no run of it started in
   * the `everyMs` before, by any worker. Of workers racing for the same run, one gets true.
   */
  claimPeriodic(task: string, now: Date, everyMs: number): Promise<boolean>;
  /**
   * Gives back the run of `task` claimed at `startedAt`, cut short by a stopping worker: the next
   * claim, by any worker, takes the task at once instead of an interval later. A run started since
   * by another worker is left alone.
   */
  releasePeriodic(task: string, startedAt: Date): Promise<void>;
  /** When the last complete run of `task` started, by any worker (null before the first). */
  periodicMark(task: string): Promise<Date | null>;
  /** The run of `task` started at `startedAt` completed: the mark moves to it, never back. */
  markPeriodic(task: string, startedAt: Date): Promise<void>;
}
