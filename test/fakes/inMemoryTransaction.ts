import { AsyncLocalStorage } from 'node:async_hooks';

/** The error a database gives the loser of a lock race (MySQL's deadlock), for fakes and tests to throw. */
export function lockConflict(): Error {
  return Object.assign(new Error('Deadlock found when trying to get lock; try restarting transaction'), { code: 'ER_LOCK_DEADLOCK', errno: 1213 });
}

/** A store whose writes inside a transaction stay private to it until it commits. */
export interface TransactionParticipant {
  commit(tx: InMemoryTransaction): void;
  rollback(tx: InMemoryTransaction): void;
}

/** One run of an InMemoryUnitOfWork: what it wrote (kept by its tables) and the row locks it holds. */
export class InMemoryTransaction {
  /** The transaction whose lock this one waits for, to find deadlocks. */
  waitingFor: InMemoryTransaction | null = null;
  private readonly participants = new Set<TransactionParticipant>();
  private readonly onEnd: (() => void)[] = [];

  join(participant: TransactionParticipant): void {
    this.participants.add(participant);
  }

  whenEnded(release: () => void): void {
    this.onEnd.push(release);
  }

  /** Waiting for `holder` would close a cycle of waiters: a deadlock. */
  wouldDeadlock(holder: InMemoryTransaction): boolean {
    for (let t: InMemoryTransaction | null = holder; t; t = t.waitingFor) if (t === this) return true;
    return false;
  }

  commit(): void {
    this.participants.forEach((p) => p.commit(this));
    this.end();
  }

  rollback(): void {
    this.participants.forEach((p) => p.rollback(this));
    this.end();
  }

  private end(): void {
    this.onEnd.splice(0).forEach((release) => release());
  }
}

const running = new AsyncLocalStorage<InMemoryTransaction>();

export function currentTransaction(): InMemoryTransaction | undefined {
  return running.getStore();
}

export function insideTransaction<T>(tx: InMemoryTransaction, work: () => Promise<T>): Promise<T> {
  return running.run(tx, work);
}

interface HeldLock {
  holder: InMemoryTransaction;
  released: Promise<void>;
}

/**
 * Exclusive row locks held until the holding transaction ends, like InnoDB's: a second transaction
 * waits, and one whose wait would close a cycle loses with a deadlock (and is run again by its unit
 * of work). Outside a transaction a statement waits for the row to be free and holds nothing.
 */
export class RowLocks {
  private readonly held = new Map<string, HeldLock>();

  async acquire(key: string, tx = currentTransaction()): Promise<void> {
    for (let lock = this.held.get(key); lock && lock.holder !== tx; lock = this.held.get(key)) {
      if (tx?.wouldDeadlock(lock.holder)) throw lockConflict();
      if (tx) tx.waitingFor = lock.holder;
      await lock.released;
      if (tx) tx.waitingFor = null;
    }
    if (!tx || this.held.has(key)) return;
    let release!: () => void;
    this.held.set(key, { holder: tx, released: new Promise<void>((resolve) => (release = resolve)) });
    tx.whenEnded(() => {
      this.held.delete(key);
      release();
    });
  }
}
