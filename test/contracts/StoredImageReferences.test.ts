import { randomUUID } from 'node:crypto';
import { TypeOrmDivisionRepository } from '../../src/infrastructure/persistence/repositories/TypeOrmDivisionRepository';
import { TypeOrmStoredImageReferences } from '../../src/infrastructure/persistence/repositories/TypeOrmStoredImageReferences';
import { TypeOrmTourRepository } from '../../src/infrastructure/persistence/repositories/TypeOrmTourRepository';
import { TypeOrmUserRepository } from '../../src/infrastructure/persistence/repositories/TypeOrmUserRepository';
import { InMemoryStoredImageReferences } from '../fakes/InMemoryStoredImageReferences';
import { DivisionMother, TourMother } from '../mothers/CatalogueMother';
import { UserMother } from '../mothers/UserMother';
import { forEachDatabase } from '../support/databases';
import { describeStoredImageReferencesContract } from './StoredImageReferences.contract';

describeStoredImageReferencesContract('InMemoryStoredImageReferences', async () => {
  const references = new InMemoryStoredImageReferences();
  const refer = async (...keys: string[]) => references.refer(...keys);
  return { references, givenTourImages: (keys) => refer(...keys), givenDivisionThumbnail: refer, givenUserPicture: refer };
});

forEachDatabase((kind, database) => {
  // Pages of two tours, so the scan of `tours.images` has to walk several pages.
  describeStoredImageReferencesContract(`TypeOrmStoredImageReferences (${kind})`, async () => ({
    references: new TypeOrmStoredImageReferences(database(), 2),
    givenTourImages: (images) => new TypeOrmTourRepository(database()).save(TourMother.create({ id: randomUUID(), slug: `tour-${randomUUID()}`, images })),
    givenDivisionThumbnail: (thumbnail) => new TypeOrmDivisionRepository(database()).save(DivisionMother.create({ id: randomUUID(), name: `Division ${randomUUID()}`, thumbnail })),
    givenUserPicture: (picture) => new TypeOrmUserRepository(database()).save(UserMother.create({ id: randomUUID(), email: `${randomUUID()}@example.com`, picture })),
  }));
});
