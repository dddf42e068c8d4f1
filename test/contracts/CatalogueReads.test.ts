import { SqlCatalogueReads } from '../../src/infrastructure/persistence/queries/SqlCatalogueReads';
import { TypeOrmDivisionRepository } from '../../src/infrastructure/persistence/repositories/TypeOrmDivisionRepository';
import { TypeOrmTourRepository } from '../../src/infrastructure/persistence/repositories/TypeOrmTourRepository';
import { TypeOrmTourTypeRepository } from '../../src/infrastructure/persistence/repositories/TypeOrmTourTypeRepository';
import { InMemoryCatalogueReads } from '../fakes/InMemoryCatalogueReads';
import { InMemoryDivisionRepository } from '../fakes/InMemoryDivisionRepository';
import { InMemorySeatLedger } from '../fakes/InMemorySeatLedger';
import { InMemoryTourRepository } from '../fakes/InMemoryTourRepository';
import { InMemoryTourTypeRepository } from '../fakes/InMemoryTourTypeRepository';
import { insertBooking } from '../support/bookingsTable';
import { forEachDatabase } from '../support/databases';
import { describeCatalogueReadsContract } from './CatalogueReads.contract';

describeCatalogueReadsContract('InMemoryCatalogueReads', async () => {
  const [tours, divisions, tourTypes, ledger] = [new InMemoryTourRepository(), new InMemoryDivisionRepository(), new InMemoryTourTypeRepository(), new InMemorySeatLedger()];
  return { reads: new InMemoryCatalogueReads(tours, divisions, tourTypes, ledger), tours, divisions, tourTypes, addBooking: async (b) => void ledger.add(b) };
});

forEachDatabase((kind, database) => {
  describeCatalogueReadsContract(`SqlCatalogueReads (${kind})`, async () => {
    const db = database();
    for (const table of ['bookings', 'tours', 'tour_types', 'divisions']) await db.dataSource.query(`DELETE FROM ${table}`);
    return {
      reads: new SqlCatalogueReads(db), tours: new TypeOrmTourRepository(db), divisions: new TypeOrmDivisionRepository(db),
      tourTypes: new TypeOrmTourTypeRepository(db), addBooking: (b) => insertBooking(db, b),
    };
  });
});
