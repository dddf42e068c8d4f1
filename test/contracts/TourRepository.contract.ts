import type { TourRepository } from '../../src/application/ports/TourRepository';
import type { UnitOfWork } from '../../src/application/ports/UnitOfWork';
import { emptyListQuery } from '../../src/application/shared/ListQuery';
import { Slug } from '../../src/domain/catalogue/Slug';
import { Money } from '../../src/domain/shared/Money';
import { TourMother } from '../mothers/CatalogueMother';
import { raceHeldOpen } from '../support/racing';

export interface TourRepositorySubject {
  tours: TourRepository;
  uow: UnitOfWork;
}

const day = (d: string) => new Date(`${d}T00:00:00.000Z`);

/** What the tour use cases, the catalogue views and the delete checks rely on. Each test starts from an empty store. */
export function describeTourRepositoryContract(name: string, make: () => Promise<TourRepositorySubject>): void {
  describe(`TourRepository contract: ${name}`, () => {
    let tours: TourRepository;
    let uow: UnitOfWork;
    beforeEach(async () => {
      ({ tours, uow } = await make());
    });

    test('a tour round-trips every field: money in minor units, dates, lists and images', async () => {
      const tour = TourMother.create({ costFrom: Money.ofMinor(1_250_050, 'USD'), images: ['tours/a.png', 'tours/b.webp'], maxGuest: 12 });
      await tours.save(tour);
      const found = await tours.findById(tour.id);
      expect(found?.toProps()).toEqual(tour.toProps());
      expect((await uow.run(() => tours.findById(tour.id, { forUpdate: true })))?.id).toBe(tour.id);
      expect((await tours.findBySlug(tour.slug.value))?.id).toBe(tour.id);
      const bare = TourMother.create({ startDate: null, endDate: null, minAge: null, location: null, description: null, included: [] });
      await tours.save(bare);
      expect((await tours.findById(bare.id))?.toProps()).toEqual(bare.toProps());
    });

    test('tour slugs are unique; edits are saved', async () => {
      const tour = TourMother.create({ slug: 'cox-bazar' });
      await tours.save(tour);
      await tours.save(TourMother.create({ slug: 'cox-bazar-2' }));
      expect((await tours.slugsLike('cox-bazar')).sort()).toEqual(['cox-bazar', 'cox-bazar-2']);
      await expect(tours.save(TourMother.create({ slug: 'cox-bazar' }))).rejects.toMatchObject({ code: 'TOUR.ALREADY_EXISTS' });
      tour.edit({ title: 'Renamed', slug: Slug.restore('renamed') }, new Date('2026-03-05T00:00:00.000Z'));
      tour.addImages(['tours/new.png'], new Date('2026-03-05T00:00:00.000Z'));
      await tours.save(tour);
      const found = await tours.findById(tour.id);
      expect(found?.title).toBe('Renamed');
      expect(found?.slug.value).toBe('renamed');
      expect(found?.images).toEqual(['tours/new.png']);
    });

    test('tours count by division and tour type', async () => {
      await tours.save(TourMother.create({ divisionId: 'd1', tourTypeId: 't1' }));
      await tours.save(TourMother.create({ divisionId: 'd1', tourTypeId: 't2' }));
      expect(await tours.countReferencing({ divisionId: 'd1' })).toBe(2);
      expect(await tours.countReferencing({ tourTypeId: 't2' })).toBe(1);
      expect(await tours.countReferencing({ divisionId: 'd2' })).toBe(0);
    });

    test('tour lists filter, range, search, sort and page', async () => {
      const tourOf = (title: string, minor: number, start: string, divisionId: string, location: string, created: number) =>
        TourMother.create({ title, costFrom: Money.ofMinor(minor, 'BDT'), startDate: day(start), endDate: new Date(day(start).getTime() + 86_400_000), divisionId, location, now: new Date(Date.UTC(2026, 0, created)) });
      const listed = [
        tourOf('Ratargul Swamp', 500_000, '2026-05-01', 'sylhet', 'Sylhet', 1),
        tourOf('Tea Garden Walk', 300_000, '2026-05-10', 'sylhet', 'Srimangal', 2),
        tourOf('Saint Martin Island', 1_800_000, '2026-06-01', 'ctg', "Cox's Bazar", 3),
        tourOf('Bandarban Hills', 900_000, '2026-07-01', 'ctg', 'Bandarban', 4),
        tourOf('Old Dhaka Food Walk', 150_000, '2026-05-05', 'dhaka', 'Dhaka', 5),
      ];
      for (const tour of listed) await tours.save(tour);

      const sylhet = await tours.list(emptyListQuery({ filters: { division: 'sylhet' }, sort: [{ field: 'costFrom', direction: 'DESC' }] }));
      expect(sylhet.items.map((t) => t.title)).toEqual(['Ratargul Swamp', 'Tea Garden Walk']);
      expect(sylhet.total).toBe(2);

      const costly = await tours.list(emptyListQuery({ ranges: { costFrom: { gte: 500_000, lte: 1_800_000 } }, sort: [{ field: 'costFrom', direction: 'ASC' }] }));
      expect(costly.items.map((t) => t.title)).toEqual(['Ratargul Swamp', 'Bandarban Hills', 'Saint Martin Island']);

      const may = await tours.list(emptyListQuery({ ranges: { startDate: { gte: day('2026-05-01'), lte: day('2026-05-31') } }, sort: [{ field: 'startDate', direction: 'ASC' }] }));
      expect(may.items.map((t) => t.title)).toEqual(['Ratargul Swamp', 'Old Dhaka Food Walk', 'Tea Garden Walk']);

      const searched = await tours.list(emptyListQuery({ searchTerm: 'BAZAR' }));
      expect(searched.items.map((t) => t.title)).toEqual(['Saint Martin Island']);
      const byLocation = await tours.list(emptyListQuery({ filters: { location: 'Bandarban' } }));
      expect(byLocation.items.map((t) => t.title)).toEqual(['Bandarban Hills']);
      const byId = await tours.list(emptyListQuery({ filters: { id: listed[2].id } }));
      expect(byId.items.map((t) => t.id)).toEqual([listed[2].id]);

      const pages = [1, 2, 3].map((page) => tours.list(emptyListQuery({ page, limit: 2 })));
      const [p1, p2, p3] = await Promise.all(pages);
      expect([p1.total, p2.total, p3.total]).toEqual([5, 5, 5]);
      expect([...p1.items, ...p2.items, ...p3.items].map((t) => t.title)).toEqual([
        'Old Dhaka Food Walk', 'Bandarban Hills', 'Saint Martin Island', 'Tea Garden Walk', 'Ratargul Swamp',
      ]);

      await tours.delete(listed[0].id);
      expect(await tours.findById(listed[0].id)).toBeNull();
    });

    test('a locking read waits for the unit of work that holds the tour, then sees its edit', async () => {
      const tour = TourMother.create({ slug: 'locked-tour' });
      await tours.save(tour);
      const [, seen] = await raceHeldOpen(uow, async () => {
        const mine = (await tours.findById(tour.id, { forUpdate: true }))!;
        mine.edit({ title: 'Edited under the lock' }, new Date('2026-03-05T00:00:00.000Z'));
        await tours.save(mine);
      }, () => uow.run(async () => (await tours.findById(tour.id, { forUpdate: true }))?.title));
      expect(seen).toBe('Edited under the lock');
    });

    test('deleting an unknown tour is a no-op', async () => {
      await expect(tours.delete('00000000-0000-4000-8000-000000000000')).resolves.toBeUndefined();
    });
  });
}
