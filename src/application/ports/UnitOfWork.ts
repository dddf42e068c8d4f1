/**
 * Runs `work` in one database transaction. Repositories used inside `work` join it;
 * a throw rolls everything back. A transaction that loses a lock race is rolled back and `work`
 * runs again from the start (a bounded number of times, then DependencyUnavailable), so `work`
 * reads inside itself whatever it decides on, and does nothing outside the database.
 */
export interface UnitOfWork {
  run<T>(work: () => Promise<T>): Promise<T>;
}

/**
 * `forUpdate`: a locking read, the row held until the unit of work ends. Transactions that touch a
 * tour's seats lock the tour first, then bookings, then payments (docs/adr/0007).
 */
export interface LockOption {
  forUpdate?: boolean;
}
