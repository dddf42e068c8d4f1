import { TypeOrmTourRepository } from '../../src/infrastructure/persistence/repositories/TypeOrmTourRepository';
import { InMemoryTourRepository } from '../fakes/InMemoryTourRepository';
import { TypeOrmUnitOfWork } from '../../src/infrastructure/persistence/TypeOrmUnitOfWork';
import { InMemoryUnitOfWork } from '../fakes/InMemoryUnitOfWork';
import { forEachDatabase } from '../support/databases';
import { describeTourRepositoryContract } from './TourRepository.contract';

describeTourRepositoryContract('InMemoryTourRepository', async () => ({ tours: new InMemoryTourRepository(), uow: new InMemoryUnitOfWork() }));

forEachDatabase((kind, database) => {
  describeTourRepositoryContract(`TypeOrmTourRepository (${kind})`, async () => {
    for (const table of ['tours']) await database().dataSource.query(`DELETE FROM ${table}`);
    return { tours: new TypeOrmTourRepository(database()), uow: new TypeOrmUnitOfWork(database()) };
  });
});
