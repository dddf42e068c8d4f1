import { TypeOrmDivisionRepository } from '../../src/infrastructure/persistence/repositories/TypeOrmDivisionRepository';
import { TypeOrmTourRepository } from '../../src/infrastructure/persistence/repositories/TypeOrmTourRepository';
import { TypeOrmTourTypeRepository } from '../../src/infrastructure/persistence/repositories/TypeOrmTourTypeRepository';
import { InMemoryDivisionRepository } from '../fakes/InMemoryDivisionRepository';
import { InMemoryTourRepository } from '../fakes/InMemoryTourRepository';
import { InMemoryTourTypeRepository } from '../fakes/InMemoryTourTypeRepository';
import { TestDatabase, databaseKinds, openTestDatabase } from '../support/databases';
import { describeCatalogueRepositoriesContract } from './CatalogueRepositories.contract';

describeCatalogueRepositoriesContract('in memory', async () => ({
  divisions: new InMemoryDivisionRepository(),
  tourTypes: new InMemoryTourTypeRepository(),
  tours: new InMemoryTourRepository(),
}));

for (const kind of databaseKinds()) {
  describe(kind, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await openTestDatabase(kind);
    });
    afterAll(() => database.close());

    describeCatalogueRepositoriesContract(`TypeORM (${kind})`, async () => {
      for (const table of ['tours', 'tour_types', 'divisions']) await database.db.dataSource.query(`DELETE FROM ${table}`);
      return {
        divisions: new TypeOrmDivisionRepository(database.db),
        tourTypes: new TypeOrmTourTypeRepository(database.db),
        tours: new TypeOrmTourRepository(database.db),
      };
    });
  });
}
