import { AsyncLocalStorage } from 'node:async_hooks';
import { UnitOfWork } from '../../src/application/ports/UnitOfWork';

export interface Snapshottable {
  snapshot(): unknown;
  restore(state: unknown): void;
}

/**
 * Runs work one at a time (like the SQLite adapter) and rolls the registered fakes
 * back to their state before the work when it throws, like a real transaction.
 */
export class InMemoryUnitOfWork implements UnitOfWork {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly inside = new AsyncLocalStorage<true>();
  runs = 0;

  constructor(private readonly stores: Snapshottable[] = []) {}

  track(...stores: Snapshottable[]): this {
    this.stores.push(...stores);
    return this;
  }

  run<T>(work: () => Promise<T>): Promise<T> {
    if (this.inside.getStore()) return work();
    const attempt = this.queue.then(async () => {
      this.runs += 1;
      const saved = this.stores.map((s) => s.snapshot());
      try {
        return await this.inside.run(true, work);
      } catch (error) {
        this.stores.forEach((s, i) => s.restore(saved[i]));
        throw error;
      }
    });
    this.queue = attempt.catch(() => undefined);
    return attempt;
  }
}
