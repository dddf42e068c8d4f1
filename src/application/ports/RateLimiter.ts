export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Fixed-window counters shared by every process that serves the API. */
export interface RateLimiter {
  /** Counts one hit on `key` atomically; refused once more than `limit` hits fell in the current window. */
  hit(key: string, limit: number, windowMs: number): Promise<RateDecision>;
  /** Refused when `key` already holds `limit` hits in its current window; counts nothing. */
  peek(key: string, limit: number): Promise<RateDecision>;
  /** Ends `key`'s current window: its hits are forgotten. */
  reset(key: string): Promise<void>;
}
