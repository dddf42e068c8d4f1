export interface NewJob {
  type: string;
  /** Kept as JSON: the worker gets its JSON round trip (dates become ISO strings). */
  payload: Record<string, unknown>;
  /** A second job with the same key is not added, even by transactions racing to add it: the first stays. */
  dedupeKey?: string;
  /** Default: now. */
  runAt?: Date;
  /** Default: 8. */
  maxAttempts?: number;
}

/** The transactional outbox: jobs join the running UnitOfWork and exist only if it commits. */
export interface JobQueue {
  enqueue(job: NewJob): Promise<void>;
}
