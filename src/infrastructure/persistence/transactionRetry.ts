/**
 * How a transaction that lost a lock race is run again: the whole unit of work, a bounded number
 * of times, after a jittered pause that grows with each try (so the racers do not collide again
 * in step). Only then does the caller get DependencyUnavailable (503), never the driver's error.
 */
export interface RetryPolicy {
  /** Runs in total, the first included. */
  attempts: number;
  /** The pause before retry n is random in [base·2^(n-1)/2, base·2^(n-1)]. */
  baseDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 6, baseDelayMs: 15 };

/** What lock contention has cost so far in this process: read by `/metrics` and the bench. */
export interface TransactionContention {
  /** Transactions run again after a deadlock, lock-wait timeout or busy database. */
  retried: number;
  /** Transactions that still lost after the last attempt (answered 503). */
  exhausted: number;
}

interface DriverError {
  code?: string;
  errno?: number;
  driverError?: { code?: string; errno?: number };
}

/**
 * A deadlock (MySQL/MariaDB 1213), a lock-wait timeout (1205), or SQLite refusing a writer
 * (`SQLITE_BUSY`, `SQLITE_BUSY_SNAPSHOT` when another process wrote since this transaction read,
 * `SQLITE_LOCKED`). The database rolled the transaction back; running it again is safe.
 */
export function isLockConflict(error: unknown): boolean {
  const e = error as DriverError | null;
  const code = e?.driverError?.code ?? e?.code;
  const errno = e?.driverError?.errno ?? e?.errno;
  return errno === 1213 || errno === 1205 || code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT'
    || (typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')));
}

export function retryDelayMs(policy: RetryPolicy, retry: number, random: () => number = Math.random): number {
  const ceiling = policy.baseDelayMs * 2 ** Math.max(0, retry - 1);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
