import { TypeOrmUnitOfWork } from '../../src/infrastructure/persistence/TypeOrmUnitOfWork';
import { TypeOrmSessionRepository } from '../../src/infrastructure/persistence/repositories/TypeOrmSessionRepository';
import { InMemorySessionRepository } from '../fakes/InMemorySessionRepository';
import { InMemoryUnitOfWork } from '../fakes/InMemoryUnitOfWork';
import { forEachDatabase } from '../support/databases';
import { describeSessionRepositoryContract } from './SessionRepository.contract';

describeSessionRepositoryContract('InMemorySessionRepository', async () => {
  const sessions = new InMemorySessionRepository();
  return { sessions, uow: new InMemoryUnitOfWork() };
});

forEachDatabase((kind, database) => {
  describeSessionRepositoryContract(`TypeOrmSessionRepository (${kind})`, async () => {
    await database().dataSource.query('DELETE FROM refresh_sessions');
    return { sessions: new TypeOrmSessionRepository(database()), uow: new TypeOrmUnitOfWork(database()) };
  });
});
