import type { UnitOfWork } from '../../src/application/ports/UnitOfWork';
import { DEFAULT_RETRY_POLICY } from '../../src/infrastructure/persistence/transactionRetry';
import { lockConflict } from '../fakes/InMemoryUnitOfWork';
import { meeting } from '../support/racing';

export interface UnitOfWorkSubject {
  uow: UnitOfWork;
  /** Writes `value` through the running unit of work. */
  write(value: string): Promise<void>;
  /** What is committed. */
  committed(): Promise<string[]>;
  /** Inside the running unit of work: reads counter `key` with a locking read, then writes it back plus one. */
  bump(key: string): Promise<void>;
  /** The committed value of counter `key`. */
  counter(key: string): Promise<number>;
}

/**
 * What every use case relies on from a unit of work: all or nothing, a lost lock race run again
 * whole, and locking reads that serialise the units of work racing for one row.
 */
export function describeUnitOfWorkContract(name: string, make: () => Promise<UnitOfWorkSubject>): void {
  describe(`UnitOfWork contract: ${name}`, () => {
    let s: UnitOfWorkSubject;
    beforeEach(async () => {
      s = await make();
    });

    test('commits what the work wrote; a throw rolls all of it back', async () => {
      await s.uow.run(() => s.write('kept'));
      await expect(s.uow.run(async () => {
        await s.write('dropped-1');
        await s.write('dropped-2');
        throw new Error('refused');
      })).rejects.toThrow('refused');
      expect(await s.committed()).toEqual(['kept']);
    });

    test('a lost lock race rolls back and runs the whole work again; only the last run is committed', async () => {
      let runs = 0;
      const result = await s.uow.run(async () => {
        runs += 1;
        await s.write(`run-${runs}`);
        // The conflict surfaces in a nested unit of work: the outer one is what runs again.
        await s.uow.run(async () => {
          if (runs < 3) throw lockConflict();
        });
        return runs;
      });
      expect([result, runs]).toEqual([3, 3]);
      expect(await s.committed()).toEqual(['run-3']);
    });

    test(`after ${DEFAULT_RETRY_POLICY.attempts} lost races it gives up with DependencyUnavailable, nothing written`, async () => {
      let runs = 0;
      await expect(s.uow.run(async () => {
        runs += 1;
        await s.write(`run-${runs}`);
        throw lockConflict();
      })).rejects.toThrow(expect.objectContaining({ code: 'DEPENDENCY_UNAVAILABLE' }));
      expect(runs).toBe(DEFAULT_RETRY_POLICY.attempts);
      expect(await s.committed()).toEqual([]);
    });

    test('ten units of work doing read-modify-write under a row lock at once lose no update', async () => {
      await Promise.all(Array.from({ length: 10 }, () => s.uow.run(() => s.bump('shared'))));
      expect(await s.counter('shared')).toBe(10);
    });

    test('two units of work locking two rows in opposite orders: the deadlock is broken, the loser runs again, both commit', async () => {
      const bothHoldOne = meeting(2);
      const crossing = (first: string, second: string) => s.uow.run(async () => {
        await s.bump(first);
        await bothHoldOne();
        await s.bump(second);
      });
      await Promise.all([crossing('left', 'right'), crossing('right', 'left')]);
      expect([await s.counter('left'), await s.counter('right')]).toEqual([2, 2]);
    });
  });
}
