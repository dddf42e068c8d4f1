import { randomUUID } from 'node:crypto';
import { Clock } from '../../application/ports/Clock';
import { ClaimedJob, JobStore } from '../../application/ports/JobStore';
import { Logger } from '../../application/ports/Logger';

export type JobHandler = (payload: Record<string, unknown>) => Promise<void>;

export interface JobWorkerOptions {
  /** Jobs run at once by this worker. */
  concurrency: number;
  /** How long a claimed job is ours; after that another worker may take it over. */
  leaseMs: number;
  pollMs: number;
  /** Retry n waits baseBackoffMs × 2^(n-1), at most maxBackoffMs. */
  baseBackoffMs: number;
  maxBackoffMs: number;
}

export const DEFAULT_WORKER_OPTIONS: JobWorkerOptions = { concurrency: 2, leaseMs: 5 * 60_000, pollMs: 1000, baseBackoffMs: 5000, maxBackoffMs: 60 * 60_000 };

interface Periodic {
  name: string;
  everyMs: number;
  task: () => Promise<unknown>;
  nextAt: number;
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
  private stopped = true;

  constructor(
    private readonly store: JobStore,
    private readonly handlers: Record<string, JobHandler>,
    private readonly clock: Clock,
    private readonly logger: Logger,
    options: Partial<JobWorkerOptions> = {},
  ) {
    this.options = { ...DEFAULT_WORKER_OPTIONS, ...options };
  }

  /** Runs `task` every `everyMs` from the worker loop (e.g. releasing lapsed seat holds). */
  every(name: string, everyMs: number, task: () => Promise<unknown>): this {
    this.periodic.push({ name, everyMs, task, nextAt: 0 });
    return this;
  }

  backoffMs(attempts: number): number {
    return Math.min(this.options.baseBackoffMs * 2 ** Math.max(0, attempts - 1), this.options.maxBackoffMs);
  }

  /** Claims and runs one batch of due jobs; returns how many ran. */
  async runOnce(): Promise<number> {
    const jobs = await this.store.claim({ now: this.clock.now(), leaseMs: this.options.leaseMs, limit: this.options.concurrency, claimToken: randomUUID() });
    await Promise.all(jobs.map((job) => this.run(job)));
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
    this.logger.info({ handlers: Object.keys(this.handlers), ...this.options }, 'job worker started');
    this.schedule(0);
  }

  /** Stops polling and waits for the jobs in hand to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
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
    try {
      await this.runPeriodic();
      ran = await this.runOnce();
    } catch (error) {
      this.logger.error({ err: error }, 'job worker poll failed');
    }
    this.schedule(ran > 0 ? 0 : this.options.pollMs);
  }

  private async runPeriodic(): Promise<void> {
    const now = Date.now();
    for (const p of this.periodic.filter((x) => x.nextAt <= now)) {
      p.nextAt = now + p.everyMs;
      try {
        await p.task();
      } catch (error) {
        this.logger.error({ err: error, task: p.name }, 'periodic task failed');
      }
    }
  }

  private async run(job: ClaimedJob): Promise<void> {
    const handler = this.handlers[job.type];
    const started = Date.now();
    try {
      if (!handler) throw new Error(`No handler for job type ${job.type}`);
      await handler(job.payload);
      const kept = await this.store.complete(job, this.clock.now());
      if (!kept) this.logger.warn({ jobId: job.id, type: job.type }, 'job finished after its lease passed to another worker');
      this.logger.info({ jobId: job.id, type: job.type, attempts: job.attempts, ms: Date.now() - started }, 'job done');
    } catch (error) {
      const last = !handler || job.attempts >= job.maxAttempts;
      const retryAt = last ? null : new Date(this.clock.now().getTime() + this.backoffMs(job.attempts));
      const message = error instanceof Error ? error.message : String(error);
      await this.store.fail(job, message, this.clock.now(), retryAt);
      const fields = { jobId: job.id, type: job.type, attempts: job.attempts, err: error, retryAt };
      if (last) this.logger.error(fields, 'job dead after its last attempt');
      else this.logger.warn(fields, 'job failed; will retry');
    }
  }
}
