import { Booking } from '../../../src/domain/booking/Booking';
import { Money } from '../../../src/domain/shared/Money';
import { CATALOGUE, SqlDataVersion } from '../../../src/infrastructure/persistence/dataVersions';
import { TypeOrmUnitOfWork } from '../../../src/infrastructure/persistence/TypeOrmUnitOfWork';
import { TypeOrmBookingRepository } from '../../../src/infrastructure/persistence/repositories/TypeOrmBookingRepository';
import { TypeOrmDivisionRepository } from '../../../src/infrastructure/persistence/repositories/TypeOrmDivisionRepository';
import { TypeOrmTourRepository } from '../../../src/infrastructure/persistence/repositories/TypeOrmTourRepository';
import { TypeOrmTourTypeRepository } from '../../../src/infrastructure/persistence/repositories/TypeOrmTourTypeRepository';
import { FakeClock } from '../../fakes/FakeClock';
import { DivisionMother, TourMother, TourTypeMother } from '../../mothers/CatalogueMother';
import { forEachDatabase } from '../../support/databases';

/**
 * Every repository write that changes what catalogue readers see moves the catalogue version in its
 * own transaction: each use case that creates, edits or deletes tours, divisions and tour types,
 * takes seats (bookings), or gives them back (cancel, fail, expiry, payment settlement) writes
 * through one of these methods.
 */
forEachDatabase((kind, database) => {
  describe(`the catalogue version moves with every catalogue and seat write (${kind})`, () => {
    const now = new Date('2026-03-01T10:00:00.000Z');
    let moved: (write: () => Promise<unknown>) => Promise<boolean>;
    let repos: {
      tours: TypeOrmTourRepository; divisions: TypeOrmDivisionRepository; tourTypes: TypeOrmTourTypeRepository; bookings: TypeOrmBookingRepository;
    };

    beforeAll(() => {
      const db = database();
      const uow = new TypeOrmUnitOfWork(db);
      const version = new SqlDataVersion(db, CATALOGUE, new FakeClock());
      repos = { tours: new TypeOrmTourRepository(db), divisions: new TypeOrmDivisionRepository(db), tourTypes: new TypeOrmTourTypeRepository(db), bookings: new TypeOrmBookingRepository(db) };
      moved = async (write) => {
        const before = await version.current();
        await uow.run(write);
        return (await version.current()) !== before;
      };
    });

    const hold = (tourId: string) => Booking.hold({ id: `b-${Math.random().toString(36).slice(2)}`, userId: 'u-1', tourId, guestCount: 2, unitPrice: Money.ofMinor(1000, 'BDT'), now, holdMs: 60_000 });

    test('divisions and tour types: create, edit, delete', async () => {
      const division = DivisionMother.create();
      const type = TourTypeMother.create();
      expect(await moved(() => repos.divisions.save(division))).toBe(true);
      division.edit({ name: 'Renamed Division' }, now);
      expect(await moved(() => repos.divisions.save(division))).toBe(true);
      expect(await moved(() => repos.divisions.delete(division.id))).toBe(true);
      expect(await moved(() => repos.tourTypes.save(type))).toBe(true);
      type.rename('Renamed Type', now);
      expect(await moved(() => repos.tourTypes.save(type))).toBe(true);
      expect(await moved(() => repos.tourTypes.delete(type.id))).toBe(true);
    });

    test('tours: create, edit, capacity change, delete; a read-only transaction leaves it alone', async () => {
      const tour = TourMother.create({ maxGuest: 10 });
      expect(await moved(() => repos.tours.save(tour))).toBe(true);
      tour.edit({ title: 'A new title' }, now);
      expect(await moved(() => repos.tours.save(tour))).toBe(true);
      tour.changeCapacity(12, 0, now);
      expect(await moved(() => repos.tours.save(tour))).toBe(true);
      expect(await moved(() => repos.tours.findById(tour.id, { forUpdate: true }))).toBe(false);
      expect(await moved(() => repos.tours.delete(tour.id))).toBe(true);
    });

    test('seats: a hold, its cancellation or settlement, and expiry of lapsed holds; a lost transition leaves it alone', async () => {
      const tour = TourMother.create({ maxGuest: 10 });
      await repos.tours.save(tour);
      const cancelled = hold(tour.id);
      expect(await moved(() => repos.bookings.create(cancelled))).toBe(true);
      cancelled.cancel(now);
      expect(await moved(() => repos.bookings.saveTransition(cancelled, 'PENDING'))).toBe(true);
      // The same transition again finds the row no longer PENDING: nothing changed.
      expect(await moved(() => repos.bookings.saveTransition(cancelled, 'PENDING'))).toBe(false);

      const lapsing = hold(tour.id);
      await repos.bookings.create(lapsing);
      const later = new Date(now.getTime() + 120_000);
      expect(await moved(() => repos.bookings.expireLapsed(tour.id, later))).toBe(true);
      expect(await moved(() => repos.bookings.expireLapsed(tour.id, later))).toBe(false);
    });
  });
});
