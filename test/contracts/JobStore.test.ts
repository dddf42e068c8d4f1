import { TypeOrmJobQueue } from '../../src/infrastructure/jobs/TypeOrmJobQueue';
import { TypeOrmJobStore } from '../../src/infrastructure/jobs/TypeOrmJobStore';
import { TypeOrmUnitOfWork } from '../../src/infrastructure/persistence/TypeOrmUnitOfWork';
import { UuidIdGenerator } from '../../src/infrastructure/system/UuidIdGenerator';
import { FakeClock } from '../fakes/FakeClock';
import { InMemoryJobStore } from '../fakes/InMemoryJobStore';
import { InMemoryUnitOfWork } from '../fakes/InMemoryUnitOfWork';
import { describeIf } from '../support/services';
import { databaseKinds, openTestDatabase } from '../support/databases';
import { describeJobStoreContract } from './JobStore.contract';

describeJobStoreContract('in memory', async () => {
  const clock = new FakeClock();
  const store = new InMemoryJobStore(clock);
  return { queue: store, store, uow: new InMemoryUnitOfWork(), clock, close: async () => undefined };
});

for (const kind of ['sqlite', 'mariadb'] as const) {
  describeIf(databaseKinds().includes(kind), `JobStore on ${kind}`, () => {
    describeJobStoreContract(`TypeORM on ${kind}`, async () => {
      const t = await openTestDatabase(kind);
      const clock = new FakeClock(new Date('2026-03-01T10:00:00.000Z'));
      return { queue: new TypeOrmJobQueue(t.db, new UuidIdGenerator(), clock), store: new TypeOrmJobStore(t.db), uow: new TypeOrmUnitOfWork(t.db), clock, close: () => t.close() };
    });
  });
}
