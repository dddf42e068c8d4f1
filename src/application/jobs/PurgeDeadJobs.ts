import { ValidationFailed } from '../../domain/shared/errors';
import type { Clock } from '../ports/Clock';
import type { JobStore } from '../ports/JobStore';
import type { UnitOfWork } from '../ports/UnitOfWork';

/** 100,000,000 days: the longest look-back a Date can express from today; anything longer is a typo. */
export const MAX_OLDER_THAN_MS = 8.64e15;

export interface PurgeDeadJobsInput {
  /** Only jobs dead for longer than this; omitted = every job dead as of now. */
  olderThanMs?: number;
  /** Only jobs of this type. */
  type?: string;
}

/** Deletes dead outbox jobs an operator has given up on, so `jobs list --status dead` shows only what still needs attention. */
export class PurgeDeadJobs {
  constructor(private readonly store: JobStore, private readonly clock: Clock, private readonly uow: UnitOfWork) {}

  async execute(input: PurgeDeadJobsInput = {}): Promise<{ purged: number; before: Date }> {
    const olderThanMs = input.olderThanMs ?? 0;
    if (!Number.isSafeInteger(olderThanMs) || olderThanMs < 0 || olderThanMs > MAX_OLDER_THAN_MS) {
      throw ValidationFailed.field('olderThan', 'must be a duration from 0 to 100000000d');
    }
    // An empty type must not quietly widen the purge to every type.
    const type = input.type?.trim();
    if (type === '') throw ValidationFailed.field('type', 'must not be empty');
    const before = new Date(this.clock.now().getTime() - olderThanMs);
    const purged = await this.uow.run(() => this.store.purgeDead(before, type));
    return { purged, before };
  }
}
