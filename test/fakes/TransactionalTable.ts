import type { InMemoryTransaction, TransactionParticipant} from './inMemoryTransaction';
import { RowLocks, currentTransaction } from './inMemoryTransaction';

const GONE = Symbol('deleted');
type Version<V> = V | typeof GONE;

/**
 * Rows by key with the isolation the real tables give the fakes' callers: a write locks its row
 * until the transaction ends and stays private to that transaction until it commits (others read
 * the last commit: read committed); a rollback drops it. `lock` is a locking read (`FOR UPDATE`).
 * Stored rows are frozen: change a row by writing a new one.
 */
export class TransactionalTable<V extends object> implements TransactionParticipant {
  private committed = new Map<string, V>();
  private readonly pending = new Map<InMemoryTransaction, Map<string, Version<V>>>();
  private readonly locks = new RowLocks();

  get(key: string): V | undefined {
    const own = this.ownWrites()?.get(key);
    return own === GONE ? undefined : (own ?? this.committed.get(key));
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** Every row the caller can see, in insertion order. */
  values(): V[] {
    const own = this.ownWrites();
    if (!own) return [...this.committed.values()];
    const rows = new Map<string, Version<V>>([...this.committed, ...own]);
    return [...rows.values()].filter((v): v is V => v !== GONE);
  }

  find(predicate: (row: V) => boolean): V | undefined {
    return this.values().find(predicate);
  }


  /** A locking read: waits for the row's lock and holds it until the transaction ends; then `get` sees the latest commit. */
  async lock(key: string): Promise<V | undefined> {
    await this.locks.acquire(key);
    return this.get(key);
  }

  async set(key: string, row: V): Promise<void> {
    await this.write(key, Object.freeze({ ...row }));
  }

  /** Test setup: commits `row` at once, outside any transaction and its locks. */
  seed(key: string, row: V): void {
    this.committed.set(key, Object.freeze({ ...row }));
  }

  /**
   * Writes `row` unless another row clashes with it (`clashes`), checked against every version,
   * committed or still in some transaction, with no await before the write: a unique index.
   * Answers the row it clashed with (nothing written), or null.
   */
  async setUnique(key: string, row: V, clashes: (other: V) => boolean): Promise<V | null> {
    await this.locks.acquire(key);
    const versions = [...this.committed, ...[...this.pending.values()].flatMap((writes) => [...writes])];
    const clash = versions.find(([k, v]) => k !== key && v !== GONE && clashes(v));
    if (clash) return clash[1] as V;
    this.put(key, Object.freeze({ ...row }));
    return null;
  }

  async delete(key: string): Promise<void> {
    await this.write(key, GONE);
  }

  /**
   * A conditional write, atomic inside or outside a transaction: under the row's lock, `change`
   * sees the row as last committed (or as this transaction wrote it) and answers the new row, or
   * null to leave it. False when the row is missing or `change` declined.
   */
  async change(key: string, change: (row: V) => V | null): Promise<boolean> {
    await this.locks.acquire(key);
    const row = this.get(key);
    const next = row && change(row);
    if (!next) return false;
    this.put(key, Object.freeze({ ...next }));
    return true;
  }

  /** `change` over each row `predicate` picks (checked again under the row's lock); answers how many changed. */
  async update(predicate: (row: V) => boolean, change: (row: V) => V): Promise<number> {
    let n = 0;
    for (const [key] of this.keyed().filter(([, row]) => predicate(row))) {
      if (await this.change(key, (row) => (predicate(row) ? change(row) : null))) n += 1;
    }
    return n;
  }

  commit(tx: InMemoryTransaction): void {
    for (const [key, v] of this.pending.get(tx) ?? []) {
      if (v === GONE) this.committed.delete(key);
      else this.committed.set(key, v);
    }
    this.pending.delete(tx);
  }

  rollback(tx: InMemoryTransaction): void {
    this.pending.delete(tx);
  }

  private keyed(): [string, V][] {
    const own = this.ownWrites();
    const rows = new Map<string, Version<V>>([...this.committed, ...(own ?? [])]);
    return [...rows].filter((e): e is [string, V] => e[1] !== GONE);
  }

  private async write(key: string, version: Version<V>): Promise<void> {
    await this.locks.acquire(key);
    this.put(key, version);
  }

  /** Under the row's lock (or, outside a transaction, with no await since the row was free). */
  private put(key: string, version: Version<V>): void {
    const tx = currentTransaction();
    if (!tx) {
      if (version === GONE) this.committed.delete(key);
      else this.committed.set(key, version);
      return;
    }
    let writes = this.pending.get(tx);
    if (!writes) {
      writes = new Map();
      this.pending.set(tx, writes);
      tx.join(this);
    }
    writes.set(key, version);
  }

  private ownWrites(): Map<string, Version<V>> | undefined {
    const tx = currentTransaction();
    return tx && this.pending.get(tx);
  }
}
