import type { CatalogueReads } from '../../src/application/ports/CatalogueReads';
import type { DivisionRepository } from '../../src/application/ports/DivisionRepository';
import type { TourRepository } from '../../src/application/ports/TourRepository';
import type { TourTypeRepository } from '../../src/application/ports/TourTypeRepository';
import type { ListQuery } from '../../src/application/shared/ListQuery';
import { emptyListQuery } from '../../src/application/shared/ListQuery';
import { Money } from '../../src/domain/shared/Money';
import { DivisionMother, TourMother, TourTypeMother } from '../mothers/CatalogueMother';

export interface CatalogueReadsUnderTest {
  reads: CatalogueReads;
  /** The write side the read model must agree with (its own contract fixes list semantics). */
  tours: TourRepository;
  divisions: DivisionRepository;
  tourTypes: TourTypeRepository;
  addBooking(booking: { tourId: string; guestCount: number; status: 'PENDING' | 'COMPLETE' | 'CANCEL' | 'EXPIRED'; expiresAt: Date }): Promise<void>;
}

const now = new Date('2026-03-01T10:00:00.000Z');
const later = new Date('2026-03-01T10:30:00.000Z');
const earlier = new Date('2026-03-01T09:30:00.000Z');

export function describeCatalogueReadsContract(name: string, make: () => Promise<CatalogueReadsUnderTest>): void {
  describe(`CatalogueReads contract: ${name}`, () => {
    let s: CatalogueReadsUnderTest;
    const division = DivisionMother.create({ name: 'Khulna Division' });
    const other = DivisionMother.create({ name: 'Sylhet Division' });
    const type = TourTypeMother.create({ name: 'River Cruise' });

    beforeEach(async () => {
      s = await make();
      for (const d of [division, other]) await s.divisions.save(d);
      await s.tourTypes.save(type);
    });

    test('a listing carries the tour, its division and type names, and seats left at `now`', async () => {
      const tour = TourMother.create({
        title: 'Mangrove Safari', divisionId: division.id, tourTypeId: type.id, maxGuest: 12, images: ['tours/a.png', 'tours/b.jpg'],
        costFrom: Money.ofMinor(1_250_050, 'BDT'), minAge: null, endDate: null,
      });
      await s.tours.save(tour);
      await s.addBooking({ tourId: tour.id, guestCount: 2, status: 'COMPLETE', expiresAt: earlier });
      await s.addBooking({ tourId: tour.id, guestCount: 3, status: 'PENDING', expiresAt: later });
      await s.addBooking({ tourId: tour.id, guestCount: 4, status: 'PENDING', expiresAt: earlier });
      await s.addBooking({ tourId: tour.id, guestCount: 5, status: 'CANCEL', expiresAt: later });
      const p = tour.toProps();
      const expected = {
        id: p.id, title: 'Mangrove Safari', slug: p.slug.value, description: p.description, location: p.location,
        costFrom: 1_250_050, currency: 'BDT', startDate: p.startDate, endDate: null, departureLocation: p.departureLocation,
        arrivalLocation: p.arrivalLocation, included: p.included, excluded: p.excluded, amenities: p.amenities, tourPlan: p.tourPlan,
        images: ['tours/a.png', 'tours/b.jpg'], maxGuest: 12, minAge: null, divisionId: division.id, divisionName: 'Khulna Division',
        tourTypeId: type.id, tourTypeName: 'River Cruise', seatsLeft: 7, createdAt: p.createdAt, updatedAt: p.updatedAt,
      };
      expect(await s.reads.findTour(p.slug.value, now)).toEqual(expected);
      expect((await s.reads.listTours(emptyListQuery(), now)).items).toEqual([expected]);
      // When the holds lapse, their seats come back.
      expect((await s.reads.findTour(p.id, new Date(later.getTime() + 1)))?.seatsLeft).toBe(10);
    });

    test('seats left never go below zero', async () => {
      const tour = TourMother.create({ divisionId: division.id, tourTypeId: type.id, maxGuest: 2 });
      await s.tours.save(tour);
      await s.addBooking({ tourId: tour.id, guestCount: 3, status: 'COMPLETE', expiresAt: earlier });
      expect((await s.reads.findTour(tour.id, now))?.seatsLeft).toBe(0);
    });

    test('finds by slug first, then by id; null when neither matches', async () => {
      const a = TourMother.create({ divisionId: division.id, tourTypeId: type.id, slug: 'alpha' });
      // A tour whose slug is another tour's id: the slug wins.
      const b = TourMother.create({ divisionId: division.id, tourTypeId: type.id, slug: a.id });
      await s.tours.save(a);
      await s.tours.save(b);
      expect((await s.reads.findTour('alpha', now))?.id).toBe(a.id);
      expect((await s.reads.findTour(a.id, now))?.id).toBe(b.id);
      expect((await s.reads.findTour(b.id, now))?.id).toBe(b.id);
      expect(await s.reads.findTour('nothing-here', now)).toBeNull();
    });

    test('lists exactly what the repository lists: search, filters, ranges, sorts, pages (and past the last page)', async () => {
      const titles = ['banana Boat', 'Apple Orchard', 'cherry Hills', 'apple Cider Walk', 'Date Palms', 'Elder Forest', 'fig Garden', 'Grape Vines'];
      for (let i = 0; i < titles.length; i++) {
        await s.tours.save(TourMother.create({
          title: titles[i], divisionId: i % 2 ? other.id : division.id, tourTypeId: type.id, location: i % 3 ? 'Khulna' : 'Sylhet',
          costFrom: Money.ofMinor(100_000 * ((i * 5) % 7 + 1), 'BDT'), startDate: i % 4 === 3 ? null : new Date(Date.UTC(2026, i % 5, 1 + i)),
          description: i === 5 ? 'A 100% organic_walk' : 'Plain',
          now: new Date(now.getTime() + (i % 3) * 1000),
        }));
      }
      const queries: ListQuery[] = [
        emptyListQuery(),
        emptyListQuery({ limit: 3, page: 2 }),
        emptyListQuery({ limit: 3, page: 3 }),
        emptyListQuery({ limit: 3, page: 9 }),
        emptyListQuery({ sort: [{ field: 'title', direction: 'ASC' }] }),
        emptyListQuery({ sort: [{ field: 'title', direction: 'DESC' }], limit: 4, page: 2 }),
        emptyListQuery({ sort: [{ field: 'costFrom', direction: 'DESC' }, { field: 'title', direction: 'ASC' }] }),
        emptyListQuery({ sort: [{ field: 'startDate', direction: 'ASC' }] }),
        emptyListQuery({ sort: [{ field: 'createdAt', direction: 'ASC' }] }),
        emptyListQuery({ searchTerm: 'APPLE' }),
        emptyListQuery({ searchTerm: '100%' }),
        emptyListQuery({ searchTerm: 'c_der' }),
        emptyListQuery({ searchTerm: 'sylhet', sort: [{ field: 'title', direction: 'ASC' }] }),
        emptyListQuery({ filters: { division: other.id }, sort: [{ field: 'costFrom', direction: 'DESC' }], limit: 2, page: 2 }),
        emptyListQuery({ filters: { location: 'Khulna', tourType: type.id } }),
        emptyListQuery({ ranges: { costFrom: { gte: 300_000, lte: 600_000 } }, sort: [{ field: 'costFrom', direction: 'ASC' }] }),
        emptyListQuery({ ranges: { startDate: { gte: new Date(Date.UTC(2026, 1, 1)), lte: new Date(Date.UTC(2026, 3, 30)) } } }),
        emptyListQuery({ filters: { division: 'no-such-division' } }),
      ];
      for (const query of queries) {
        const [expected, actual] = [await s.tours.list(query), await s.reads.listTours(query, now)];
        expect({ query, ids: actual.items.map((t) => t.id), total: actual.total, page: actual.page, limit: actual.limit })
          .toEqual({ query, ids: expected.items.map((t) => t.id), total: expected.total, page: query.page, limit: query.limit });
      }
    });
  });
}
