import { TypeOrmUnitOfWork } from '../../src/infrastructure/persistence/TypeOrmUnitOfWork';
import { TypeOrmPasswordResetRepository } from '../../src/infrastructure/persistence/repositories/TypeOrmPasswordResetRepository';
import { InMemoryPasswordResetRepository } from '../fakes/InMemoryPasswordResetRepository';
import { InMemoryUnitOfWork } from '../fakes/InMemoryUnitOfWork';
import { forEachDatabase } from '../support/databases';
import { describePasswordResetRepositoryContract } from './PasswordResetRepository.contract';

describePasswordResetRepositoryContract('InMemoryPasswordResetRepository', async () => {
  const resets = new InMemoryPasswordResetRepository();
  return { resets, uow: new InMemoryUnitOfWork() };
});

forEachDatabase((kind, database) => {
  describePasswordResetRepositoryContract(`TypeOrmPasswordResetRepository (${kind})`, async () => {
    await database().dataSource.query('DELETE FROM password_resets');
    return { resets: new TypeOrmPasswordResetRepository(database()), uow: new TypeOrmUnitOfWork(database()) };
  });
});
