/**
 * Runs `work` in one database transaction. Repositories used inside `work` join it;
 * a throw rolls everything back.
 */
export interface UnitOfWork {
  run<T>(work: () => Promise<T>): Promise<T>;
}
