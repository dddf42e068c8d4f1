import { createHash, randomInt } from 'node:crypto';
import type { Clock } from '../../application/ports/Clock';
import type { PartedDataVersion } from '../../application/ports/DataVersion';
import type { Database } from './Database';
import { PreparedReads } from './PreparedReads';

/** A data set whose version lives in `table` (one row per shard), counted locally under `topic`. */
export interface VersionedData {
  topic: string;
  table: string;
}

export const VERSION_SHARDS = 16;
export const CATALOGUE: VersionedData = { topic: 'catalogue', table: 'catalogue_versions' };
export const USERS: VersionedData = { topic: 'users', table: 'user_versions' };

/** Shards of keys seen lately: `/user/me` asks for its caller's on every request, and a SHA-1 costs ~2 µs. */
const shardsOfKeys = new Map<string, number>();
const SHARDS_KEPT = 10_000;

export function shardOf(key: string | undefined): number {
  if (key === undefined) return randomInt(VERSION_SHARDS);
  let shard = shardsOfKeys.get(key);
  if (shard === undefined) {
    if (shardsOfKeys.size >= SHARDS_KEPT) shardsOfKeys.clear();
    shard = createHash('sha1').update(key).digest()[0] % VERSION_SHARDS;
    shardsOfKeys.set(key, shard);
  }
  return shard;
}

/**
 * Called by every repository write that changes what readers of `data` see: the version moves in
 * the same transaction, as its last statement. Changes under one key share a shard (seat changes of
 * a tour already queue on the tour's lock); changes without a key pick one at random. The step is
 * random too, so a version a rolled-back transaction showed to a dirty reader (SQLite's shared
 * connection) is not reached again by the next commit.
 */
export function dataChanged(db: Database, data: VersionedData, shardKey?: string): Promise<void> {
  return db.touch(data.topic, () =>
    db.manager().query(`UPDATE ${data.table} SET version = version + ? WHERE shard = ?`, [randomInt(1, 2 ** 31), shardOf(shardKey)]),
  );
}

/** What catalogue readers see changed: tours, divisions, tour types, bookings holding seats. */
export const catalogueChanged = (db: Database, shardKey?: string) => dataChanged(db, CATALOGUE, shardKey);
/** A user account changed: profile, role, status, password, deletion. */
export const userChanged = (db: Database, userId: string) => dataChanged(db, USERS, userId);

/** A version as read: the whole data set's, and each shard's (a part, for keyed readers). */
interface ReadVersion {
  whole: string;
  shards: string[];
}

/**
 * A data set's version as stored, shared by every process on the database: the whole set's, and
 * each shard's for readers of one key (`currentOf`). Read at most once per `memoMs` (≤ 1 s: how long
 * another process's change may take to show), and again at once after this process commits a change.
 */
export class SqlDataVersion implements PartedDataVersion {
  private readonly reads: PreparedReads;
  private memo: { version: ReadVersion; commits: number; until: number } | null = null;
  private pending: { commits: number; version: Promise<ReadVersion> } | null = null;

  constructor(private readonly db: Database, private readonly data: VersionedData, private readonly clock: Clock, private readonly memoMs = 1000) {
    this.reads = new PreparedReads(db);
  }

  known(): string | null {
    return this.held()?.whole ?? null;
  }

  knownOf(key: string): string | null {
    return this.held()?.shards[shardOf(key)] ?? null;
  }

  async current(): Promise<string> {
    return (await this.version()).whole;
  }

  async currentOf(key: string): Promise<string> {
    return (await this.version()).shards[shardOf(key)];
  }

  private held(): ReadVersion | null {
    const memo = this.memo;
    return memo && memo.commits === this.db.commitsOf(this.data.topic) && this.clock.now().getTime() < memo.until ? memo.version : null;
  }

  private version(): Promise<ReadVersion> | ReadVersion {
    const held = this.held();
    if (held) return held;
    const commits = this.db.commitsOf(this.data.topic);
    // Concurrent requests share one read, unless this process committed a change since it started.
    if (this.pending?.commits !== commits) {
      const pending = { commits, version: this.read(commits).finally(() => { if (this.pending === pending) this.pending = null; }) };
      this.pending = pending;
    }
    return this.pending.version;
  }

  private async read(commits: number): Promise<ReadVersion> {
    const until = this.clock.now().getTime() + this.memoMs;
    const rows = await this.reads.all<{ shard: number; version: string | number }>(`SELECT shard, version FROM ${this.data.table} ORDER BY shard`, {});
    const shards = Array.from({ length: VERSION_SHARDS }, () => '0');
    for (const row of rows) shards[Number(row.shard)] = String(row.version);
    const version = { whole: shards.join('.'), shards };
    this.memo = { version, commits, until };
    return version;
  }
}
