import type { UnitOfWork } from '../../src/application/ports/UnitOfWork';
import { DependencyUnavailable } from '../../src/domain/shared/errors';
import { DEFAULT_RETRY_POLICY, isLockConflict } from '../../src/infrastructure/persistence/transactionRetry';
import { InMemoryTransaction, currentTransaction, insideTransaction, lockConflict } from './inMemoryTransaction';

export { lockConflict };

/**
 * Transactions over the fakes' TransactionalTables, run concurrently like MySQL's: writes are
 * private until commit, rows lock until the end, a throw rolls back. Like `Database.transaction`,
 * a lost lock race (a deadlock between row locks, a conflict thrown by the work, or one injected at
 * commit with `conflictAtNextCommits`) rolls back and runs the whole work again, a bounded number
 * of times, then DependencyUnavailable. A nested run joins the running transaction.
 */
export class InMemoryUnitOfWork implements UnitOfWork {
  private conflictsToInject = 0;
  runs = 0;
  retries = 0;

  /** The next `n` units of work lose a lock race when they try to commit, after doing all their work. */
  conflictAtNextCommits(n = 1): this {
    this.conflictsToInject += n;
    return this;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (currentTransaction()) return work();
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

  private async runOnce<T>(work: () => Promise<T>): Promise<T> {
    this.runs += 1;
    const tx = new InMemoryTransaction();
    try {
      const result = await insideTransaction(tx, work);
      if (this.conflictsToInject > 0) {
        this.conflictsToInject -= 1;
        throw lockConflict();
      }
      tx.commit();
      return result;
    } catch (error) {
      tx.rollback();
      throw error;
    }
  }
}
