import { TypeOrmUserRepository } from '../../src/infrastructure/persistence/repositories/TypeOrmUserRepository';
import { InMemoryUserRepository } from '../fakes/InMemoryUserRepository';
import { TestDatabase, databaseKinds, openTestDatabase } from '../support/databases';
import { describeUserRepositoryContract } from './UserRepository.contract';

describeUserRepositoryContract('InMemoryUserRepository', async () => new InMemoryUserRepository());

for (const kind of databaseKinds()) {
  describe(kind, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await openTestDatabase(kind);
    });
    afterAll(() => database.close());

    describeUserRepositoryContract(`TypeOrmUserRepository (${kind})`, async () => {
      await database.db.dataSource.query('DELETE FROM users');
      return new TypeOrmUserRepository(database.db);
    });
  });
}
