import { ImageUrls } from '../../../src/application/catalogue/ImageUrls';
import { ListTours } from '../../../src/application/catalogue/ListTours';
import { TourViews } from '../../../src/application/catalogue/TourViews';
import { emptyListQuery } from '../../../src/application/shared/ListQuery';
import { TypeOrmDivisionRepository } from '../../../src/infrastructure/persistence/repositories/TypeOrmDivisionRepository';
import { TypeOrmSeatLedger } from '../../../src/infrastructure/persistence/repositories/TypeOrmSeatLedger';
import { TypeOrmTourRepository } from '../../../src/infrastructure/persistence/repositories/TypeOrmTourRepository';
import { TypeOrmTourTypeRepository } from '../../../src/infrastructure/persistence/repositories/TypeOrmTourTypeRepository';
import { FakeClock } from '../../fakes/FakeClock';
import { InMemoryObjectStorage } from '../../fakes/InMemoryObjectStorage';
import { DivisionMother, TourMother, TourTypeMother } from '../../mothers/CatalogueMother';
import { ensureBookingsTable, insertBooking } from '../../support/bookingsTable';
import type { TestDatabase} from '../../support/databases';
import { databaseKinds, openTestDatabase } from '../../support/databases';

for (const kind of databaseKinds()) {
  describe(`listing tours (${kind})`, () => {
    let database: TestDatabase;
    let listTours: ListTours;
    let queries: string[];

    beforeAll(async () => {
      database = await openTestDatabase(kind);
      await ensureBookingsTable(database.db);
      const divisions = new TypeOrmDivisionRepository(database.db);
      const tourTypes = new TypeOrmTourTypeRepository(database.db);
      const tours = new TypeOrmTourRepository(database.db);
      const clock = new FakeClock(new Date('2026-03-01T10:00:00.000Z'));
      listTours = new ListTours(tours, new TourViews(divisions, tourTypes, new TypeOrmSeatLedger(database.db), new ImageUrls(new InMemoryObjectStorage(), clock, { ttlSeconds: 60, windowSeconds: 60 }), clock));
      const divisionList = [DivisionMother.create({ name: 'Alpha Division' }), DivisionMother.create({ name: 'Beta Division' })];
      const typeList = [TourTypeMother.create({ name: 'Alpha Type' }), TourTypeMother.create({ name: 'Beta Type' }), TourTypeMother.create({ name: 'Gamma Type' })];
      for (const d of divisionList) await divisions.save(d);
      for (const t of typeList) await tourTypes.save(t);
      for (let i = 0; i < 30; i++) {
        const tour = TourMother.create({ divisionId: divisionList[i % 2].id, tourTypeId: typeList[i % 3].id, images: [`tours/${i}-a.png`, `tours/${i}-b.png`] });
        await tours.save(tour);
        await insertBooking(database.db, { tourId: tour.id, guestCount: 1 + (i % 3), status: 'COMPLETE', expiresAt: clock.now() });
      }
      // Count every statement the driver runs.
      queries = [];
      const logger = database.db.dataSource.logger;
      const original = logger.logQuery.bind(logger);
      logger.logQuery = (query, parameters, runner) => {
        queries.push(query);
        return original(query, parameters, runner);
      };
    });
    afterAll(() => database.close());

    it('runs the same small number of queries for 3 tours or 30 (no N+1)', async () => {
      queries.length = 0;
      const small = await listTours.execute(emptyListQuery({ limit: 3 }));
      const forSmall = queries.length;
      queries.length = 0;
      const large = await listTours.execute(emptyListQuery({ limit: 30 }));
      expect(large.items).toHaveLength(30);
      expect(small.items).toHaveLength(3);
      expect(queries.length).toBe(forSmall);
      expect(queries.length).toBeLessThanOrEqual(6);
      expect(large.items.every((v) => v.divisionName && v.tourTypeName && v.imageUrls.length === 2)).toBe(true);
      expect(large.items.map((v) => v.seatsLeft).sort()).toContain(17);
    });
  });
}
