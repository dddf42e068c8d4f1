import type { Database } from '../../src/infrastructure/persistence/Database';
import type { VersionedData } from '../../src/infrastructure/persistence/dataVersions';
import { CATALOGUE, SqlDataVersion, USERS, shardOf } from '../../src/infrastructure/persistence/dataVersions';
import { TypeOrmUnitOfWork } from '../../src/infrastructure/persistence/TypeOrmUnitOfWork';
import { TypeOrmTourTypeRepository } from '../../src/infrastructure/persistence/repositories/TypeOrmTourTypeRepository';
import { TypeOrmUserRepository } from '../../src/infrastructure/persistence/repositories/TypeOrmUserRepository';
import { FakeClock } from '../fakes/FakeClock';
import { InMemoryDataVersion } from '../fakes/InMemoryDataVersion';
import { TourTypeMother } from '../mothers/CatalogueMother';
import { UserMother } from '../mothers/UserMother';
import { forEachDatabase } from '../support/databases';
import type { DataVersionUnderTest } from './DataVersion.contract';
import { describeDataVersionContract, describePartedDataVersionContract } from './DataVersion.contract';

describeDataVersionContract('InMemoryDataVersion', async () => {
  const version = new InMemoryDataVersion();
  return {
    version,
    change: async () => version.changed(),
    changeAndRollBack: async () => undefined,
    otherProcess: () => ({ version, lapse: () => undefined }),
  };
});

describePartedDataVersionContract('InMemoryDataVersion', async () => {
  const version = new InMemoryDataVersion();
  return { version, changeUnder: async (key) => version.changed(key), keysApart: () => ['ana', 'ben'], otherProcess: () => ({ version, lapse: () => undefined }) };
});

let keys = 0;
/** Two fresh user ids whose version shards differ. */
function idsApart(): [string, string] {
  const first = `parted-${process.pid}-${++keys}`;
  let second = first;
  while (shardOf(second) === shardOf(first)) second = `parted-${process.pid}-${++keys}`;
  return [first, second];
}

/** The SQL version of `data`, changed through `write` (a repository save in a unit of work). */
function sqlSubject(db: Database, data: VersionedData, write: () => Promise<void>): DataVersionUnderTest & { version: SqlDataVersion; otherProcess(): { version: SqlDataVersion; lapse(): void } } {
  const clock = new FakeClock();
  const uow = new TypeOrmUnitOfWork(db);
  const otherClock = new FakeClock();
  // Another process: its own memo over the same database (its commit count never sees ours).
  const otherDb = Object.create(db, { commitsOf: { value: () => 0 } }) as Database;
  const other = new SqlDataVersion(otherDb, data, otherClock);
  return {
    version: new SqlDataVersion(db, data, clock),
    change: () => uow.run(write),
    changeAndRollBack: async () => {
      await expect(uow.run(async () => {
        await write();
        throw new Error('changed our mind');
      })).rejects.toThrow('changed our mind');
    },
    otherProcess: () => ({ version: other, lapse: () => otherClock.advance(1000) }),
  };
}

forEachDatabase((kind, database) => {
  describeDataVersionContract(`SqlDataVersion catalogue (${kind})`, async () => {
    const db = database();
    const tourTypes = new TypeOrmTourTypeRepository(db);
    return sqlSubject(db, CATALOGUE, () => tourTypes.save(TourTypeMother.create()));
  });

  describeDataVersionContract(`SqlDataVersion users (${kind})`, async () => {
    const db = database();
    const users = new TypeOrmUserRepository(db);
    return sqlSubject(db, USERS, () => users.save(UserMother.create()));
  });

  describePartedDataVersionContract(`SqlDataVersion users, per user (${kind})`, async () => {
    const db = database();
    const users = new TypeOrmUserRepository(db);
    const uow = new TypeOrmUnitOfWork(db);
    const { version, otherProcess } = sqlSubject(db, USERS, async () => undefined);
    let edits = 0;
    return {
      version,
      otherProcess,
      keysApart: idsApart,
      changeUnder: (id) => uow.run(() => users.save(UserMother.create({ id, email: `${id}@parts.example.com`, name: `Edited ${++edits}` }))),
    };
  });
});
