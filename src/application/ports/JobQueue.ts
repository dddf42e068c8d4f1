export interface NewJob {
  type: string;
  payload: Record<string, unknown>;
  /** A second job with the same key is not added. */
  dedupeKey?: string;
  runAt?: Date;
  maxAttempts?: number;
}

/** The transactional outbox: jobs join the running UnitOfWork and exist only if it commits. */
export interface JobQueue {
  enqueue(job: NewJob): Promise<void>;
}
