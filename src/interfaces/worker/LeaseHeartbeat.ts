import type { Clock } from '../../application/ports/Clock';
import type { ClaimedJob, JobStore } from '../../application/ports/JobStore';
import type { Logger } from '../../application/ports/Logger';
import type { ClassifyFailure } from '../edges';

/**
 * Keeps a claimed job's lease alive while its handler runs, renewing it every `everyMs`, so that only a
 * worker that died (or lost the database for a whole lease) lets another worker take the job over.
 */
export class LeaseHeartbeat {
  private heldUntil: number;
  private lost = false;
  private beating: Promise<void> | null = null;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly store: JobStore,
    private readonly job: ClaimedJob,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly classifyFailure: ClassifyFailure,
    private readonly leaseMs: number,
    everyMs: number,
    claimedAt: Date,
  ) {
    this.heldUntil = claimedAt.getTime() + leaseMs;
    this.timer = setInterval(() => void this.beat(), everyMs);
    this.timer.unref();
  }

  /** The lease is ours as far as this worker knows: renewed in time and not taken over. */
  get held(): boolean {
    return !this.lost && this.clock.now().getTime() < this.heldUntil;
  }

  /** One renewal (a beat still in flight is joined, not doubled). */
  beat(): Promise<void> {
    return (this.beating ??= this.renew().finally(() => (this.beating = null)));
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async renew(): Promise<void> {
    if (this.lost) return;
    const now = this.clock.now();
    const fields = { jobId: this.job.id, type: this.job.type };
    try {
      if (await this.store.renew(this.job, now, this.leaseMs)) {
        this.heldUntil = now.getTime() + this.leaseMs;
        return;
      }
      this.lost = true;
      this.stop();
      this.logger.warn(fields, 'job lease passed to another worker while its handler ran');
    } catch (error) {
      this.logger.warn({ ...fields, err: this.classifyFailure(error) }, 'job lease renewal failed; trying again at the next heartbeat');
    }
  }
}
