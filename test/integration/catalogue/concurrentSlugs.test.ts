import { CreateDivision } from '../../../src/application/catalogue/CreateDivision';
import { CreateTour } from '../../../src/application/catalogue/CreateTour';
import { ImageUploads } from '../../../src/application/catalogue/ImageUploads';
import { ImageUrls } from '../../../src/application/catalogue/ImageUrls';
import { TourViews } from '../../../src/application/catalogue/TourViews';
import { TypeOrmUnitOfWork } from '../../../src/infrastructure/persistence/TypeOrmUnitOfWork';
import { TypeOrmDivisionRepository } from '../../../src/infrastructure/persistence/repositories/TypeOrmDivisionRepository';
import { SqlCatalogueReads } from '../../../src/infrastructure/persistence/queries/SqlCatalogueReads';
import { TypeOrmTourRepository } from '../../../src/infrastructure/persistence/repositories/TypeOrmTourRepository';
import { TypeOrmTourTypeRepository } from '../../../src/infrastructure/persistence/repositories/TypeOrmTourTypeRepository';
import { UuidIdGenerator } from '../../../src/infrastructure/system/UuidIdGenerator';
import { FakeClock } from '../../fakes/FakeClock';
import { InMemoryObjectStorage } from '../../fakes/InMemoryObjectStorage';
import { RecordingLogger } from '../../fakes/RecordingLogger';
import { DivisionMother, TourTypeMother } from '../../mothers/CatalogueMother';
import { ensureBookingsTable } from '../../support/bookingsTable';
import { forEachDatabase } from '../../support/databases';

forEachDatabase((kind, database) => {
  describe(`creates racing for one slug (${kind})`, () => {
    let createTour: CreateTour;
    let createDivision: CreateDivision;
    let divisionId: string;
    let tourTypeId: string;

    beforeAll(async () => {
      const db = database();
      await ensureBookingsTable(db);
      const divisions = new TypeOrmDivisionRepository(db);
      const tourTypes = new TypeOrmTourTypeRepository(db);
      const tours = new TypeOrmTourRepository(db);
      const clock = new FakeClock();
      const ids = new UuidIdGenerator();
      const uow = new TypeOrmUnitOfWork(db);
      const storage = new InMemoryObjectStorage();
      const uploads = new ImageUploads(storage, ids, new RecordingLogger());
      const urls = new ImageUrls(storage, clock, { ttlSeconds: 60, windowSeconds: 60 });
      createTour = new CreateTour(tours, divisions, tourTypes, uploads, new TourViews(new SqlCatalogueReads(db), urls, clock), ids, clock, uow, 'BDT');
      createDivision = new CreateDivision(divisions, uploads, urls, ids, clock, uow);
      const division = DivisionMother.create({ name: 'Chattogram' });
      const tourType = TourTypeMother.create({ name: 'Beach' });
      await divisions.save(division);
      await tourTypes.save(tourType);
      [divisionId, tourTypeId] = [division.id, tourType.id];
    });

    test('five simultaneous creates of one tour title all succeed with distinct slugs', async () => {
      const created = await Promise.all(
        Array.from({ length: 5 }, () => createTour.execute({ title: "Cox's Bazar Sunset", costFrom: 5000, maxGuest: 10, division: divisionId, tourType: tourTypeId })),
      );
      expect(created.map((t) => t.slug).sort()).toEqual(['coxs-bazar-sunset', 'coxs-bazar-sunset-2', 'coxs-bazar-sunset-3', 'coxs-bazar-sunset-4', 'coxs-bazar-sunset-5']);
    });

    test('simultaneous divisions with names of one slug get distinct slugs, but a taken name stays a 409 conflict', async () => {
      const names = ['Rangpur Hills', 'Rangpur  hills', 'rangpur-hills', 'RANGPUR HILLS!', "Rangpur Hill's"];
      const created = await Promise.all(names.map((name) => createDivision.execute({ name })));
      expect(created.map((d) => d.division.slug.value).sort()).toEqual(['rangpur-hills', 'rangpur-hills-2', 'rangpur-hills-3', 'rangpur-hills-4', 'rangpur-hills-5']);
      const again = await Promise.allSettled([createDivision.execute({ name: 'Rangpur Hills' }), createDivision.execute({ name: 'Rangpur Hills' })]);
      expect(again.map((r) => r.status)).toEqual(['rejected', 'rejected']);
      for (const r of again) expect((r as PromiseRejectedResult).reason).toMatchObject({ name: 'Conflict', code: 'DIVISION.ALREADY_EXISTS', message: 'A division with this name already exists' });
    });
  });
});
