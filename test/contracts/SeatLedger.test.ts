import { TypeOrmSeatLedger } from '../../src/infrastructure/persistence/repositories/TypeOrmSeatLedger';
import { InMemorySeatLedger } from '../fakes/InMemorySeatLedger';
import { ensureBookingsTable, insertBooking } from '../support/bookingsTable';
import type { TestDatabase} from '../support/databases';
import { databaseKinds, openTestDatabase } from '../support/databases';
import { describeSeatLedgerContract } from './SeatLedger.contract';

describeSeatLedgerContract('in memory', async () => {
  const ledger = new InMemorySeatLedger();
  return { ledger, addBooking: async (b) => void ledger.add(b) };
});

for (const kind of databaseKinds()) {
  describe(kind, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await openTestDatabase(kind);
      await ensureBookingsTable(database.db);
    });
    afterAll(() => database.close());

    describeSeatLedgerContract(`TypeOrmSeatLedger (${kind})`, async () => {
      await database.db.dataSource.query('DELETE FROM bookings');
      return { ledger: new TypeOrmSeatLedger(database.db), addBooking: (b) => insertBooking(database.db, b) };
    });
  });
}
