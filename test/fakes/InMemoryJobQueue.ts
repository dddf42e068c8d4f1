import { JobQueue, NewJob } from '../../src/application/ports/JobQueue';
import { Snapshottable } from './InMemoryUnitOfWork';

/** The outbox in memory: a job with a dedupeKey already queued is not added again. */
export class InMemoryJobQueue implements JobQueue, Snapshottable {
  jobs: NewJob[] = [];

  async enqueue(job: NewJob): Promise<void> {
    if (job.dedupeKey && this.jobs.some((j) => j.dedupeKey === job.dedupeKey)) return;
    this.jobs.push(job);
  }

  ofType(type: string): NewJob[] {
    return this.jobs.filter((j) => j.type === type);
  }

  snapshot(): unknown {
    return [...this.jobs];
  }

  restore(state: unknown): void {
    this.jobs = [...(state as NewJob[])];
  }
}
