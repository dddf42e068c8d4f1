import { TypeOrmUserRepository } from '../../src/infrastructure/persistence/repositories/TypeOrmUserRepository';
import { InMemoryUserRepository } from '../fakes/InMemoryUserRepository';
import { forEachDatabase } from '../support/databases';
import { describeUserRepositoryContract } from './UserRepository.contract';

describeUserRepositoryContract('InMemoryUserRepository', async () => new InMemoryUserRepository());

forEachDatabase((kind, database) => {
  describeUserRepositoryContract(`TypeOrmUserRepository (${kind})`, async () => {
    await database().dataSource.query('DELETE FROM users');
    return new TypeOrmUserRepository(database());
  });
});
