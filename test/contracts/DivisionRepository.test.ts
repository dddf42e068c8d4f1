import { TypeOrmDivisionRepository } from '../../src/infrastructure/persistence/repositories/TypeOrmDivisionRepository';
import { InMemoryDivisionRepository } from '../fakes/InMemoryDivisionRepository';
import { forEachDatabase } from '../support/databases';
import { describeDivisionRepositoryContract } from './DivisionRepository.contract';

describeDivisionRepositoryContract('InMemoryDivisionRepository', async () => new InMemoryDivisionRepository());

forEachDatabase((kind, database) => {
  describeDivisionRepositoryContract(`TypeOrmDivisionRepository (${kind})`, async () => {
    for (const table of ['divisions']) await database().dataSource.query(`DELETE FROM ${table}`);
    return new TypeOrmDivisionRepository(database());
  });
});
