import { SqlCatalogueVersion } from '../../src/infrastructure/persistence/catalogueVersion';
import { TypeOrmUnitOfWork } from '../../src/infrastructure/persistence/TypeOrmUnitOfWork';
import { TypeOrmTourTypeRepository } from '../../src/infrastructure/persistence/repositories/TypeOrmTourTypeRepository';
import { FakeClock } from '../fakes/FakeClock';
import { InMemoryCatalogueVersion } from '../fakes/InMemoryCatalogueVersion';
import { TourTypeMother } from '../mothers/CatalogueMother';
import { forEachDatabase } from '../support/databases';
import { describeCatalogueVersionContract } from './CatalogueVersion.contract';

describeCatalogueVersionContract('InMemoryCatalogueVersion', async () => {
  const version = new InMemoryCatalogueVersion();
  return {
    version,
    change: async () => version.changed(),
    changeAndRollBack: async () => undefined,
    otherProcess: () => ({ version, lapse: () => undefined }),
  };
});

forEachDatabase((kind, database) => {
  describeCatalogueVersionContract(`SqlCatalogueVersion (${kind})`, async () => {
    const db = database();
    const clock = new FakeClock();
    const uow = new TypeOrmUnitOfWork(db);
    const tourTypes = new TypeOrmTourTypeRepository(db);
    const otherClock = new FakeClock();
    // Another process: its own memo over the same database (its commit count never sees ours).
    const otherDb = Object.create(db, { commitsOf: { value: () => 0 } }) as typeof db;
    const other = new SqlCatalogueVersion(otherDb, otherClock);
    return {
      version: new SqlCatalogueVersion(db, clock),
      change: () => uow.run(() => tourTypes.save(TourTypeMother.create())),
      changeAndRollBack: async () => {
        await expect(uow.run(async () => {
          await tourTypes.save(TourTypeMother.create());
          throw new Error('changed our mind');
        })).rejects.toThrow('changed our mind');
      },
      otherProcess: () => ({ version: other, lapse: () => otherClock.advance(1000) }),
    };
  });
});
