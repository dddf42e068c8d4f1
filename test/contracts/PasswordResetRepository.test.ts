import { TypeOrmUnitOfWork } from '../../src/infrastructure/persistence/TypeOrmUnitOfWork';
import { TypeOrmPasswordResetRepository } from '../../src/infrastructure/persistence/repositories/TypeOrmPasswordResetRepository';
import { InMemoryPasswordResetRepository } from '../fakes/InMemoryPasswordResetRepository';
import { InMemoryUnitOfWork } from '../fakes/InMemoryUnitOfWork';
import { TestDatabase, databaseKinds, openTestDatabase } from '../support/databases';
import { describePasswordResetRepositoryContract } from './PasswordResetRepository.contract';

describePasswordResetRepositoryContract('InMemoryPasswordResetRepository', async () => {
  const resets = new InMemoryPasswordResetRepository();
  return { resets, uow: new InMemoryUnitOfWork([resets]) };
});

for (const kind of databaseKinds()) {
  describe(kind, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await openTestDatabase(kind);
    });
    afterAll(() => database.close());

    describePasswordResetRepositoryContract(`TypeOrmPasswordResetRepository (${kind})`, async () => {
      await database.db.dataSource.query('DELETE FROM password_resets');
      return { resets: new TypeOrmPasswordResetRepository(database.db), uow: new TypeOrmUnitOfWork(database.db) };
    });
  });
}
