import { TypeOrmUnitOfWork } from '../../src/infrastructure/persistence/TypeOrmUnitOfWork';
import { TypeOrmSessionRepository } from '../../src/infrastructure/persistence/repositories/TypeOrmSessionRepository';
import { InMemorySessionRepository } from '../fakes/InMemorySessionRepository';
import { InMemoryUnitOfWork } from '../fakes/InMemoryUnitOfWork';
import { TestDatabase, databaseKinds, openTestDatabase } from '../support/databases';
import { describeSessionRepositoryContract } from './SessionRepository.contract';

describeSessionRepositoryContract('InMemorySessionRepository', async () => {
  const sessions = new InMemorySessionRepository();
  return { sessions, uow: new InMemoryUnitOfWork([sessions]) };
});

for (const kind of databaseKinds()) {
  describe(kind, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await openTestDatabase(kind);
    });
    afterAll(() => database.close());

    describeSessionRepositoryContract(`TypeOrmSessionRepository (${kind})`, async () => {
      await database.db.dataSource.query('DELETE FROM refresh_sessions');
      return { sessions: new TypeOrmSessionRepository(database.db), uow: new TypeOrmUnitOfWork(database.db) };
    });
  });
}
