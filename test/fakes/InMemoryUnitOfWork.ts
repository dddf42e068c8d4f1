import { AsyncLocalStorage } from 'node:async_hooks';
import { UnitOfWork } from '../../src/application/ports/UnitOfWork';
import { DependencyUnavailable } from '../../src/domain/shared/errors';
import { DEFAULT_RETRY_POLICY, isLockConflict } from '../../src/infrastructure/persistence/transactionRetry';

export interface Snapshottable {
  snapshot(): unknown;
  restore(state: unknown): void;
}

/** The error a database gives the loser of a lock race (MySQL's deadlock), for fakes and tests to throw. */
export function lockConflict(): Error {
  return Object.assign(new Error('Deadlock found when trying to get lock; try restarting transaction'), { code: 'ER_LOCK_DEADLOCK', errno: 1213 });
}

/**
 * Runs work one at a time (like the SQLite adapter) and rolls the registered fakes back to their
 * state before the work when it throws, like a real transaction. Like `Database.transaction`, a
 * lost lock race (thrown by the work, or injected at commit with `conflictAtNextCommits`) rolls
 * back and runs the whole work again, a bounded number of times, then DependencyUnavailable.
 */
export class InMemoryUnitOfWork implements UnitOfWork {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly inside = new AsyncLocalStorage<true>();
  private conflictsToInject = 0;
  runs = 0;
  retries = 0;

  constructor(private readonly stores: Snapshottable[] = []) {}

  track(...stores: Snapshottable[]): this {
    this.stores.push(...stores);
    return this;
  }

  /** The next `n` units of work lose a lock race when they try to commit, after doing all their work. */
  conflictAtNextCommits(n = 1): this {
    this.conflictsToInject += n;
    return this;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.inside.getStore()) return work();
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.runOnce(work);
      } catch (error) {
        if (!isLockConflict(error)) throw error;
        if (attempt >= DEFAULT_RETRY_POLICY.attempts) throw new DependencyUnavailable('database', 'The database is too busy to finish this change; try again');
        this.retries += 1;
      }
    }
  }

  private runOnce<T>(work: () => Promise<T>): Promise<T> {
    const attempt = this.queue.then(async () => {
      this.runs += 1;
      const saved = this.stores.map((s) => s.snapshot());
      try {
        const result = await this.inside.run(true, work);
        if (this.conflictsToInject > 0) {
          this.conflictsToInject -= 1;
          throw lockConflict();
        }
        return result;
      } catch (error) {
        this.stores.forEach((s, i) => s.restore(saved[i]));
        throw error;
      }
    });
    this.queue = attempt.catch(() => undefined);
    return attempt;
  }
}
