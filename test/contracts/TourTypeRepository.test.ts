import { TypeOrmTourTypeRepository } from '../../src/infrastructure/persistence/repositories/TypeOrmTourTypeRepository';
import { InMemoryTourTypeRepository } from '../fakes/InMemoryTourTypeRepository';
import { forEachDatabase } from '../support/databases';
import { describeTourTypeRepositoryContract } from './TourTypeRepository.contract';

describeTourTypeRepositoryContract('InMemoryTourTypeRepository', async () => new InMemoryTourTypeRepository());

forEachDatabase((kind, database) => {
  describeTourTypeRepositoryContract(`TypeOrmTourTypeRepository (${kind})`, async () => {
    for (const table of ['tour_types']) await database().dataSource.query(`DELETE FROM ${table}`);
    return new TypeOrmTourTypeRepository(database());
  });
});
