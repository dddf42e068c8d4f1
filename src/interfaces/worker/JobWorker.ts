import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock } from '../../application/ports/Clock';
import type { ClaimedJob, JobStore } from '../../application/ports/JobStore';
import type { Logger } from '../../application/ports/Logger';
import { DependencyUnavailable } from '../../domain/shared/errors';
import type { ClassifyFailure } from '../edges';
import { LeaseHeartbeat } from './LeaseHeartbeat';

export type JobHandler = (payload: Record<string, unknown>) => Promise<void>;

export interface JobWorkerOptions {
  /** Jobs run at once by this worker. */
  concurrency: number;
  /** How long a claimed job is ours without a heartbeat; after that another worker may take it over. */
  leaseMs: number;
  /** How often a running job's lease is renewed; a third of the lease unless set. */
  heartbeatMs?: number;
  pollMs: number;
  /** Retry n waits baseBackoffMs × 2^(n-1), at most maxBackoffMs. */
  baseBackoffMs: number;
  maxBackoffMs: number;
  /** First wait before writing a job's outcome again after the write failed; it doubles, for as long as the lease lasts. */
  outcomeRetryMs: number;
}

export const DEFAULT_WORKER_OPTIONS: JobWorkerOptions = {
  concurrency: 2, leaseMs: 30_000, pollMs: 1000, baseBackoffMs: 5000, maxBackoffMs: 60 * 60_000, outcomeRetryMs: 250,
};

type Outcome = { done: true; ms: number } | { done: false; error: unknown; retryAt: Date | null };

/** A periodic task; `stopping` aborts when the worker stops, so a long task can end early. */
export type PeriodicTask = (stopping: AbortSignal) => Promise<unknown>;

interface Periodic {
  name: string;
  everyMs: number;
  task: PeriodicTask;
  nextAt: number;
  /** The run in progress: a task never overlaps itself. */
  running: Promise<void> | null;
}

/**
 * Runs outbox jobs: claims due ones with a lease, runs the handler registered for their type,
 * retries failures with exponential backoff and parks a job as dead after its last attempt.
 * Any number of workers, in any number of processes, may run against one database.
 */
export class JobWorker {
  private readonly options: JobWorkerOptions;
  private readonly periodic: Periodic[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopSignal = new AbortController();
  private stopped = true;
  /** Set by stop(): outcome writes that fail are no longer retried, so shutdown is not held up by an outage. */
  private stopping = false;

  constructor(
    private readonly store: JobStore,
    private readonly handlers: Record<string, JobHandler>,
    private readonly clock: Clock,
    private readonly logger: Logger,
    /** Tells an outage (logged as a warning; the worker polls on) from a failure. */
    private readonly classifyFailure: ClassifyFailure,
    options: Partial<JobWorkerOptions> = {},
  ) {
    this.options = { ...DEFAULT_WORKER_OPTIONS, ...options };
  }

  /**
   * Runs `task` every `everyMs` while the worker runs (e.g. releasing lapsed seat holds), once per
   * interval between all the workers on the database (`JobStore.claimPeriodic`). Each task runs
   * beside the job loop and the other tasks: a long one (a reconciler run asking a slow gateway about
   * hundreds of checkouts) holds up no invoice, no confirmation mail and no seat release.
   */
  every(name: string, everyMs: number, task: PeriodicTask): this {
    this.periodic.push({ name, everyMs, task, nextAt: 0, running: null });
    return this;
  }

  backoffMs(attempts: number): number {
    return Math.min(this.options.baseBackoffMs * 2 ** Math.max(0, attempts - 1), this.options.maxBackoffMs);
  }

  /** Claims and runs one batch of due jobs; returns how many ran. */
  async runOnce(): Promise<number> {
    const now = this.clock.now();
    const jobs = await this.store.claim({ now, leaseMs: this.options.leaseMs, limit: this.options.concurrency, claimToken: randomUUID() });
    await Promise.all(jobs.map((job) => this.run(job, now)));
    return jobs.length;
  }

  /** Runs every due job until none is left (tests and the CLI). */
  async drain(): Promise<number> {
    let total = 0;
    for (let ran = await this.runOnce(); ran > 0; ran = await this.runOnce()) total += ran;
    return total;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.stopping = false;
    this.stopSignal = new AbortController();
    this.logger.info({ handlers: Object.keys(this.handlers), ...this.options }, 'job worker started');
    this.schedule(0);
  }

  /** Stops polling, tells a periodic task in progress to end early, and waits for it and the jobs in hand. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.stopping = true;
    this.stopSignal.abort();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await Promise.all([this.running, ...this.periodic.map((p) => p.running)]);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => {
        this.running = null;
      });
    }, delayMs);
  }

  private async tick(): Promise<void> {
    let ran = 0;
    this.startDuePeriodic();
    try {
      ran = await this.runOnce();
    } catch (thrown) {
      this.logFailure(thrown, {}, 'job worker poll failed');
    }
    this.schedule(ran > 0 ? 0 : this.options.pollMs);
  }

  private startDuePeriodic(): void {
    const now = Date.now();
    for (const p of this.periodic.filter((x) => x.nextAt <= now && !x.running)) {
      p.nextAt = now + p.everyMs;
      p.running = this.runPeriodic(p).finally(() => {
        p.running = null;
      });
    }
  }

  private async runPeriodic(p: Periodic): Promise<void> {
    const stopping = this.stopSignal.signal;
    try {
      const claimedAt = this.clock.now();
      // Another worker on the same database may have run it within the interval.
      if (!(await this.store.claimPeriodic(p.name, claimedAt, p.everyMs))) return;
      await p.task(stopping);
      // Told to stop while it ran, it may have ended early: the next worker (a deploy's new one) runs it at once.
      if (stopping.aborted) await this.store.releasePeriodic(p.name, claimedAt);
    } catch (error) {
      this.logFailure(error, { task: p.name }, 'periodic task failed');
    }
  }

  /** An outage is a warning (the loop polls on and it passes); anything else is an error. */
  private logFailure(thrown: unknown, fields: Record<string, unknown>, message: string): void {
    const error = this.classifyFailure(thrown);
    if (error instanceof DependencyUnavailable) this.logger.warn({ ...fields, err: error }, `${message}; polling on`);
    else this.logger.error({ ...fields, err: error }, message);
  }

  private get heartbeatMs(): number {
    return this.options.heartbeatMs ?? Math.max(1, Math.floor(this.options.leaseMs / 3));
  }

  private async run(job: ClaimedJob, claimedAt: Date): Promise<void> {
    const heartbeat = new LeaseHeartbeat(this.store, job, this.clock, this.logger, this.classifyFailure, this.options.leaseMs, this.heartbeatMs, claimedAt);
    try {
      await this.record(job, heartbeat, await this.perform(job));
    } finally {
      heartbeat.stop();
    }
  }

  private async perform(job: ClaimedJob): Promise<Outcome> {
    const handler = this.handlers[job.type];
    const started = Date.now();
    try {
      if (!handler) throw new Error(`No handler for job type ${job.type}`);
      await handler(job.payload);
      return { done: true, ms: Date.now() - started };
    } catch (error) {
      const last = !handler || job.attempts >= job.maxAttempts;
      return { done: false, error, retryAt: last ? null : new Date(this.clock.now().getTime() + this.backoffMs(job.attempts)) };
    }
  }

  private async record(job: ClaimedJob, heartbeat: LeaseHeartbeat, outcome: Outcome): Promise<void> {
    const fields = { jobId: job.id, type: job.type, attempts: job.attempts };
    if (outcome.done) {
      const kept = await this.writeOutcome(job, heartbeat, () => this.store.complete(job, this.clock.now()));
      if (kept === false) this.logger.warn(fields, 'job finished after its lease passed to another worker');
      if (kept) this.logger.info({ ...fields, ms: outcome.ms }, 'job done');
      return;
    }
    const message = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
    const recorded = await this.writeOutcome(job, heartbeat, () => this.store.fail(job, message, this.clock.now(), outcome.retryAt));
    if (recorded === null) return;
    const failure = { ...fields, err: this.classifyFailure(outcome.error), retryAt: outcome.retryAt };
    if (!outcome.retryAt) this.logger.error(failure, 'job dead after its last attempt');
    else this.logger.warn(failure, 'job failed; will retry');
  }

  /**
   * Writes a job's outcome, again and again while its lease is ours (the heartbeat keeps beating meanwhile):
   * a database blip must not leave a finished job `running` until its lease lapses. Null when it gave up;
   * the job then runs again after its lease, which its idempotent handler allows.
   */
  private async writeOutcome(job: ClaimedJob, heartbeat: LeaseHeartbeat, write: () => Promise<boolean>): Promise<boolean | null> {
    for (let waitMs = this.options.outcomeRetryMs; ; waitMs = Math.min(2 * waitMs, this.heartbeatMs)) {
      try {
        return await write();
      } catch (thrown) {
        const fields = { jobId: job.id, type: job.type, err: this.classifyFailure(thrown) };
        if (this.stopping || !heartbeat.held) {
          this.logger.error(fields, 'job outcome not recorded; the job runs again once its lease lapses');
          return null;
        }
        this.logger.warn({ ...fields, retryInMs: waitMs }, 'recording the job outcome failed; retrying while the lease lasts');
        await sleep(waitMs);
      }
    }
  }
}
