import { TypeOrmJobQueue } from '../../src/infrastructure/jobs/TypeOrmJobQueue';
import { TypeOrmJobStore } from '../../src/infrastructure/jobs/TypeOrmJobStore';
import { TypeOrmUnitOfWork } from '../../src/infrastructure/persistence/TypeOrmUnitOfWork';
import { UuidIdGenerator } from '../../src/infrastructure/system/UuidIdGenerator';
import { FakeClock } from '../fakes/FakeClock';
import { InMemoryJobStore } from '../fakes/InMemoryJobStore';
import { InMemoryUnitOfWork } from '../fakes/InMemoryUnitOfWork';
import { databaseKinds, openTestDatabase } from '../support/databases';
import { describeJobQueueContract } from './JobQueue.contract';

describeJobQueueContract('InMemoryJobStore', async () => {
  const clock = new FakeClock();
  const store = new InMemoryJobStore(clock);
  return { queue: store, uow: new InMemoryUnitOfWork(), clock, jobs: (type) => store.list({ type, limit: 100 }), close: async () => undefined };
});

for (const kind of databaseKinds()) {
  describeJobQueueContract(`TypeOrmJobQueue (${kind})`, async () => {
    const t = await openTestDatabase(kind);
    const clock = new FakeClock();
    const store = new TypeOrmJobStore(t.db);
    return {
      queue: new TypeOrmJobQueue(t.db, new UuidIdGenerator(), clock), uow: new TypeOrmUnitOfWork(t.db), clock,
      jobs: (type) => store.list({ type, limit: 100 }), close: () => t.close(),
    };
  });
}
