import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { TypeOrmJobQueue } from '../../../src/infrastructure/jobs/TypeOrmJobQueue';
import { TypeOrmJobStore } from '../../../src/infrastructure/jobs/TypeOrmJobStore';
import { Database } from '../../../src/infrastructure/persistence/Database';
import { TypeOrmUnitOfWork } from '../../../src/infrastructure/persistence/TypeOrmUnitOfWork';
import { createDataSource } from '../../../src/infrastructure/persistence/createDataSource';
import { withDatabaseOutageClassified } from '../../../src/infrastructure/persistence/databaseUnavailable';
import { SystemClock } from '../../../src/infrastructure/system/SystemClock';
import { UuidIdGenerator } from '../../../src/infrastructure/system/UuidIdGenerator';
import { JobWorker } from '../../../src/interfaces/worker/JobWorker';
import { RecordingLogger } from '../../fakes/RecordingLogger';
import { createMysqlDatabase, realService } from '../../support/services';

const N = 60;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Two connection pools on one database, as two worker processes would have; `queries` records every statement. */
async function twoPools(kind: 'sqlite' | 'mariadb'): Promise<{ dbs: [Database, Database]; queries: string[]; close(): Promise<void> }> {
  let url: string | null = null;
  let cleanup: () => Promise<void> = async () => undefined;
  let sqliteFile = '';
  if (kind === 'mariadb') {
    const created = await createMysqlDatabase();
    url = created.url;
    cleanup = () => created.drop();
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tourdesk-workers-'));
    sqliteFile = path.join(dir, 'jobs.sqlite');
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  const queries: string[] = [];
  const open = async (): Promise<Database> => {
    const dataSource = createDataSource({ url, sqliteFile, poolSize: 5 });
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    const recorder: TypeOrmLogger = { logQuery: (q) => void queries.push(q), logQueryError: () => undefined, logQuerySlow: () => undefined, logSchemaBuild: () => undefined, logMigration: () => undefined, log: () => undefined };
    (dataSource as unknown as { logger: TypeOrmLogger }).logger = recorder;
    return new Database(dataSource);
  };
  const first = await open();
  const second = await open();
  return {
    dbs: [first, second],
    queries,
    async close() {
      await first.close();
      await second.close();
      await cleanup();
    },
  };
}

const kinds = (realService('mysql') ? ['sqlite', 'mariadb'] : ['sqlite']) as ('sqlite' | 'mariadb')[];

describe.each(kinds)('two job workers with their own connection pools on one %s database', (kind) => {
  test(`${N} jobs: each runs exactly once, both workers take part, none is left behind`, async () => {
    const { dbs, queries, close } = await twoPools(kind);
    const clock = new SystemClock();
    const runs: { i: number; worker: string }[] = [];
    let allRan!: () => void;
    const everyJobRan = new Promise<void>((resolve) => (allRan = resolve));
    const loggers = [new RecordingLogger(), new RecordingLogger()];
    const workers = dbs.map((db, w) => new JobWorker(
      new TypeOrmJobStore(db),
      {
        Count: async (payload) => {
          runs.push({ i: Number(payload.i), worker: `w${w}` });
          if (runs.length === N) allRan();
          // a few milliseconds of work, so both workers hold jobs at once
          await sleep(5 + ((Number(payload.i) * 7) % 11));
        },
      },
      clock, loggers[w], withDatabaseOutageClassified, { concurrency: 3, pollMs: 10, leaseMs: 60_000 },
    ));
    try {
      const queue = new TypeOrmJobQueue(dbs[0], new UuidIdGenerator(), clock);
      await new TypeOrmUnitOfWork(dbs[0]).run(async () => {
        for (let i = 0; i < N; i++) await queue.enqueue({ type: 'Count', payload: { i } });
      });
      queries.length = 0;

      workers.forEach((w) => w.start());
      const store = new TypeOrmJobStore(dbs[0]);
      await everyJobRan;
      // stop() waits for the jobs in hand, their outcomes included
      await Promise.all(workers.map((w) => w.stop()));

      const counts = new Map<number, number>();
      for (const run of runs) counts.set(run.i, (counts.get(run.i) ?? 0) + 1);
      expect([...counts.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: N }, (_, i) => i));
      expect([...counts.values()].filter((c) => c !== 1)).toEqual([]);
      expect(new Set(runs.map((r) => r.worker))).toEqual(new Set(['w0', 'w1']));
      expect((await store.list({ type: 'Count', limit: N + 1 })).map((j) => j.status).filter((s) => s !== 'done')).toEqual([]);
      for (const logger of loggers) expect(logger.entries.filter((e) => /job (failed|dead)|finished after its lease/.test(e.message))).toEqual([]);
      if (kind === 'mariadb') {
        // the claim: due jobs, oldest first, skipping rows the other worker has locked
        const claims = queries.filter((q) => /^SELECT .* FROM `jobs`/i.test(q) && /ORDER BY `j`.`runAt`/.test(q));
        expect(claims.length).toBeGreaterThan(0);
        expect(claims.every((q) => q.trimEnd().endsWith('FOR UPDATE SKIP LOCKED'))).toBe(true);
      }
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
      await close();
    }
  }, 90_000);
});
