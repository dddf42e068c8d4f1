import { TypeOrmDivisionRepository } from '../../../src/infrastructure/persistence/repositories/TypeOrmDivisionRepository';
import { TypeOrmStoredImageReferences } from '../../../src/infrastructure/persistence/repositories/TypeOrmStoredImageReferences';
import { TypeOrmTourRepository } from '../../../src/infrastructure/persistence/repositories/TypeOrmTourRepository';
import { TypeOrmTourTypeRepository } from '../../../src/infrastructure/persistence/repositories/TypeOrmTourTypeRepository';
import { TypeOrmUserRepository } from '../../../src/infrastructure/persistence/repositories/TypeOrmUserRepository';
import { DivisionMother, TourMother, TourTypeMother } from '../../mothers/CatalogueMother';
import { UserMother } from '../../mothers/UserMother';
import { forEachDatabase } from '../../support/databases';

forEachDatabase((kind, database) => {
  describe(`TypeOrmStoredImageReferences (${kind})`, () => {
    beforeAll(async () => {
      const db = database();
      const divisions = new TypeOrmDivisionRepository(db);
      const tourTypes = new TypeOrmTourTypeRepository(db);
      const tours = new TypeOrmTourRepository(db);
      const division = DivisionMother.create({ name: 'Sylhet', thumbnail: 'divisions/sylhet.png' });
      await divisions.save(division);
      await divisions.save(DivisionMother.create({ name: 'Barishal', thumbnail: null }));
      const tourType = TourTypeMother.create({ name: 'Trekking' });
      await tourTypes.save(tourType);
      // Seven tours with a page of two: the scan has to walk four pages to see the last one.
      for (let i = 0; i < 7; i++) {
        await tours.save(TourMother.create({ id: `scan-tour-${i}`, title: `Tour ${i}`, slug: `tour-${i}`, divisionId: division.id, tourTypeId: tourType.id, images: i === 6 ? ['tours/last-a.png', 'tours/last-b.webp'] : i === 0 ? ['tours/first.png'] : [] }));
      }
      const users = new TypeOrmUserRepository(db);
      await users.save(UserMother.create({ picture: 'users/me.jpg' }));
      await users.save(UserMother.create({ picture: 'https://lh3.googleusercontent.com/a/photo' }));
    });

    test('finds exactly the keys that tours, divisions and users still point at', async () => {
      const references = new TypeOrmStoredImageReferences(database(), 2);
      const asked = [
        'tours/first.png', 'tours/last-b.webp', 'tours/never.png', 'tours/last', 'divisions/sylhet.png', 'divisions/gone.png',
        'users/me.jpg', 'users/old.jpg', 'invoices/INV-1.pdf',
      ];
      expect([...(await references.referenced(asked))].sort()).toEqual(['divisions/sylhet.png', 'tours/first.png', 'tours/last-b.webp', 'users/me.jpg']);
    });

    test('answers for many keys at once and for none', async () => {
      const references = new TypeOrmStoredImageReferences(database());
      const many = Array.from({ length: 1200 }, (_, i) => `users/candidate-${i}.png`).concat('users/me.jpg', 'tours/last-a.png');
      expect([...(await references.referenced(many))].sort()).toEqual(['tours/last-a.png', 'users/me.jpg']);
      expect((await references.referenced([])).size).toBe(0);
    });
  });
});
