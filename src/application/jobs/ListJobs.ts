import type { JobRecord, JobStatus, JobStore } from '../ports/JobStore';

/** Outbox jobs for an operator, newest first; `status: 'dead'` shows what needs attention. */
export class ListJobs {
  constructor(private readonly store: JobStore) {}

  execute(filter: { status?: JobStatus; type?: string; limit?: number } = {}): Promise<JobRecord[]> {
    return this.store.list({ ...filter, limit: filter.limit ?? 50 });
  }
}
