export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Fixed-window counters shared by every process that serves the API. */
export interface RateLimiter {
  /** Counts one hit on `key` atomically; refused once more than `limit` hits fell in the current window. */
  hit(key: string, limit: number, windowMs: number): Promise<RateDecision>;
}
