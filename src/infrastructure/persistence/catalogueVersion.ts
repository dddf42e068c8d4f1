import { createHash, randomInt } from 'node:crypto';
import type { CatalogueVersion } from '../../application/ports/CatalogueVersion';
import type { Clock } from '../../application/ports/Clock';
import type { Database } from './Database';
import { PreparedReads } from './PreparedReads';

export const CATALOGUE_VERSION_SHARDS = 16;
const TOPIC = 'catalogue';

function shardOf(key: string | undefined): number {
  return key === undefined ? randomInt(CATALOGUE_VERSION_SHARDS) : createHash('sha1').update(key).digest()[0] % CATALOGUE_VERSION_SHARDS;
}

/**
 * Called by every repository write that changes what catalogue readers see (tours, divisions, tour
 * types, bookings holding seats): the version moves in the same transaction, as its last statement.
 * Seat changes of one tour share a shard (they already queue on the tour's lock); other changes
 * pick one at random. The step is random too, so a version a rolled-back transaction showed to a
 * dirty reader (SQLite's shared connection) is not reached again by the next commit.
 */
export function catalogueChanged(db: Database, shardKey?: string): Promise<void> {
  return db.touch(TOPIC, () =>
    db.manager().query('UPDATE catalogue_versions SET version = version + ? WHERE shard = ?', [randomInt(1, 2 ** 31), shardOf(shardKey)]),
  );
}

/**
 * The catalogue version as stored, shared by every process on the database. Read at most once per
 * `memoMs` (≤ 1 s: how long another process's change may take to show), and again at once after
 * this process commits a change.
 */
export class SqlCatalogueVersion implements CatalogueVersion {
  private readonly reads: PreparedReads;
  private memo: { version: string; commits: number; until: number } | null = null;
  private pending: { commits: number; version: Promise<string> } | null = null;

  constructor(private readonly db: Database, private readonly clock: Clock, private readonly memoMs = 1000) {
    this.reads = new PreparedReads(db);
  }

  async current(): Promise<string> {
    const commits = this.db.commitsOf(TOPIC);
    if (this.memo && this.memo.commits === commits && this.clock.now().getTime() < this.memo.until) return this.memo.version;
    // Concurrent requests share one read, unless this process committed a change since it started.
    if (this.pending?.commits !== commits) {
      const pending = { commits, version: this.read(commits).finally(() => { if (this.pending === pending) this.pending = null; }) };
      this.pending = pending;
    }
    return this.pending.version;
  }

  private async read(commits: number): Promise<string> {
    const until = this.clock.now().getTime() + this.memoMs;
    const [row] = await this.reads.all<{ version: string | number | null }>('SELECT SUM(version) AS version FROM catalogue_versions', {});
    const version = String(row?.version ?? 0);
    this.memo = { version, commits, until };
    return version;
  }
}
