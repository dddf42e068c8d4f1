import { TypeOrmDivisionRepository } from '../../src/infrastructure/persistence/repositories/TypeOrmDivisionRepository';
import { TypeOrmTourRepository } from '../../src/infrastructure/persistence/repositories/TypeOrmTourRepository';
import { TypeOrmTourTypeRepository } from '../../src/infrastructure/persistence/repositories/TypeOrmTourTypeRepository';
import { InMemoryDivisionRepository } from '../fakes/InMemoryDivisionRepository';
import { InMemoryTourRepository } from '../fakes/InMemoryTourRepository';
import { InMemoryTourTypeRepository } from '../fakes/InMemoryTourTypeRepository';
import { forEachDatabase } from '../support/databases';
import { describeCatalogueRepositoriesContract } from './CatalogueRepositories.contract';

describeCatalogueRepositoriesContract('in memory', async () => ({
  divisions: new InMemoryDivisionRepository(),
  tourTypes: new InMemoryTourTypeRepository(),
  tours: new InMemoryTourRepository(),
}));

forEachDatabase((kind, database) => {
  describeCatalogueRepositoriesContract(`TypeORM (${kind})`, async () => {
    for (const table of ['tours', 'tour_types', 'divisions']) await database().dataSource.query(`DELETE FROM ${table}`);
    return {
      divisions: new TypeOrmDivisionRepository(database()),
      tourTypes: new TypeOrmTourTypeRepository(database()),
      tours: new TypeOrmTourRepository(database()),
    };
  });
});
