import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { Conflict } from '../../domain/shared/errors';
import type { Clock } from '../ports/Clock';
import type { JobStore } from '../ports/JobStore';
import type { UnitOfWork } from '../ports/UnitOfWork';

/** Queues a dead job again with a fresh set of attempts. */
export class RetryJob {
  constructor(private readonly store: JobStore, private readonly clock: Clock, private readonly uow: UnitOfWork) {}

  async execute(jobId: string): Promise<void> {
    const retried = await this.uow.run(() => this.store.retry(jobId, this.clock.now()));
    if (!retried) throw new Conflict(`Job ${jobId} is not dead (or does not exist)`, ERROR_CODES.JOB.NOT_DEAD);
  }
}
