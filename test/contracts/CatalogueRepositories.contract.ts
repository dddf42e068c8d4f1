import { DivisionRepository } from '../../src/application/ports/DivisionRepository';
import { TourRepository } from '../../src/application/ports/TourRepository';
import { TourTypeRepository } from '../../src/application/ports/TourTypeRepository';
import { emptyListQuery } from '../../src/application/shared/ListQuery';
import { Slug } from '../../src/domain/catalogue/Slug';
import { Money } from '../../src/domain/shared/Money';
import { DivisionMother, TourMother, TourTypeMother } from '../mothers/CatalogueMother';

export interface CatalogueRepositories {
  divisions: DivisionRepository;
  tourTypes: TourTypeRepository;
  tours: TourRepository;
}

const day = (d: string) => new Date(`${d}T00:00:00.000Z`);

/** Division, TourType and Tour repositories: one contract, run on the fakes and on each database. */
export function describeCatalogueRepositoriesContract(name: string, make: () => Promise<CatalogueRepositories>): void {
  describe(`Catalogue repositories contract: ${name}`, () => {
    let repos: CatalogueRepositories;
    beforeEach(async () => {
      repos = await make();
    });

    test('a division round-trips and is found by id, slug and ids', async () => {
      const division = DivisionMother.create({ name: 'Sylhet', thumbnail: 'divisions/abc.png' });
      await repos.divisions.save(division);
      const found = await repos.divisions.findById(division.id);
      expect(found?.toProps()).toEqual(division.toProps());
      expect((await repos.divisions.findBySlug('sylhet'))?.id).toBe(division.id);
      expect((await repos.divisions.findByIds([division.id, 'nope'])).map((d) => d.id)).toEqual([division.id]);
      expect(await repos.divisions.findById('nope')).toBeNull();
      expect(await repos.divisions.findByIds([])).toEqual([]);
    });

    test('division names and slugs are unique; slugsLike lists the base and its numbered variants only', async () => {
      await repos.divisions.save(DivisionMother.create({ name: 'Dhaka' }));
      await repos.divisions.save(DivisionMother.create({ name: 'Dhaka North', slug: 'dhaka-2' }));
      await repos.divisions.save(DivisionMother.create({ name: 'Dhaka South', slug: 'dhaka-south' }));
      expect((await repos.divisions.slugsLike('dhaka')).sort()).toEqual(['dhaka', 'dhaka-2']);
      await expect(repos.divisions.save(DivisionMother.create({ name: 'Dhaka', slug: 'dhaka-3' }))).rejects.toMatchObject({ code: 'DIVISION.ALREADY_EXISTS' });
      await expect(repos.divisions.save(DivisionMother.create({ name: 'Other', slug: 'dhaka' }))).rejects.toMatchObject({ code: 'DIVISION.ALREADY_EXISTS' });
    });

    test('divisions list with search, sort and page totals; delete removes', async () => {
      for (const [i, name] of ['Rajshahi', 'Rangpur', 'Barishal', 'Khulna'].entries()) {
        await repos.divisions.save(DivisionMother.create({ name, now: new Date(Date.UTC(2026, 0, 1 + i)) }));
      }
      const searched = await repos.divisions.list(emptyListQuery({ searchTerm: 'SHA' }));
      expect(searched.items.map((d) => d.name).sort()).toEqual(['Barishal', 'Rajshahi']);
      const page = await repos.divisions.list(emptyListQuery({ sort: [{ field: 'name', direction: 'ASC' }], limit: 3, page: 2 }));
      expect(page.total).toBe(4);
      expect(page.items.map((d) => d.name)).toEqual(['Rangpur']);
      const newest = await repos.divisions.list(emptyListQuery({ limit: 1 }));
      expect(newest.items[0].name).toBe('Khulna');
      await repos.divisions.delete(newest.items[0].id);
      expect(await repos.divisions.findById(newest.items[0].id)).toBeNull();
    });

    test('tour types are unique by name, found by name and ids, listed and deleted', async () => {
      const hiking = TourTypeMother.create({ name: 'Hiking' });
      await repos.tourTypes.save(hiking);
      await repos.tourTypes.save(TourTypeMother.create({ name: 'Beach' }));
      expect((await repos.tourTypes.findByName('Hiking'))?.id).toBe(hiking.id);
      expect((await repos.tourTypes.findByIds([hiking.id])).map((t) => t.name)).toEqual(['Hiking']);
      await expect(repos.tourTypes.save(TourTypeMother.create({ name: 'Hiking' }))).rejects.toMatchObject({ code: 'TOUR_TYPE.ALREADY_EXISTS' });
      hiking.rename('Trekking', new Date('2026-03-02T00:00:00.000Z'));
      await repos.tourTypes.save(hiking);
      expect((await repos.tourTypes.findById(hiking.id))?.name).toBe('Trekking');
      const list = await repos.tourTypes.list(emptyListQuery({ sort: [{ field: 'name', direction: 'ASC' }] }));
      expect(list.items.map((t) => t.name)).toEqual(['Beach', 'Trekking']);
      await repos.tourTypes.delete(hiking.id);
      expect(await repos.tourTypes.findById(hiking.id)).toBeNull();
    });

    test('a tour round-trips every field: money in minor units, dates, lists and images', async () => {
      const tour = TourMother.create({ costFrom: Money.ofMinor(1_250_050, 'USD'), images: ['tours/a.png', 'tours/b.webp'], maxGuest: 12 });
      await repos.tours.save(tour);
      const found = await repos.tours.findById(tour.id);
      expect(found?.toProps()).toEqual(tour.toProps());
      expect((await repos.tours.findById(tour.id, { forUpdate: true }))?.id).toBe(tour.id);
      expect((await repos.tours.findBySlug(tour.slug.value))?.id).toBe(tour.id);
      const bare = TourMother.create({ startDate: null, endDate: null, minAge: null, location: null, description: null, included: [] });
      await repos.tours.save(bare);
      expect((await repos.tours.findById(bare.id))?.toProps()).toEqual(bare.toProps());
    });

    test('tour slugs are unique; edits are saved', async () => {
      const tour = TourMother.create({ slug: 'cox-bazar' });
      await repos.tours.save(tour);
      await repos.tours.save(TourMother.create({ slug: 'cox-bazar-2' }));
      expect((await repos.tours.slugsLike('cox-bazar')).sort()).toEqual(['cox-bazar', 'cox-bazar-2']);
      await expect(repos.tours.save(TourMother.create({ slug: 'cox-bazar' }))).rejects.toMatchObject({ code: 'TOUR.ALREADY_EXISTS' });
      tour.edit({ title: 'Renamed', slug: Slug.restore('renamed') }, new Date('2026-03-05T00:00:00.000Z'));
      tour.addImages(['tours/new.png'], new Date('2026-03-05T00:00:00.000Z'));
      await repos.tours.save(tour);
      const found = await repos.tours.findById(tour.id);
      expect(found?.title).toBe('Renamed');
      expect(found?.slug.value).toBe('renamed');
      expect(found?.images).toEqual(['tours/new.png']);
    });

    test('tours count by division and tour type', async () => {
      await repos.tours.save(TourMother.create({ divisionId: 'd1', tourTypeId: 't1' }));
      await repos.tours.save(TourMother.create({ divisionId: 'd1', tourTypeId: 't2' }));
      expect(await repos.tours.countReferencing({ divisionId: 'd1' })).toBe(2);
      expect(await repos.tours.countReferencing({ tourTypeId: 't2' })).toBe(1);
      expect(await repos.tours.countReferencing({ divisionId: 'd2' })).toBe(0);
    });

    test('tour lists filter, range, search, sort and page', async () => {
      const make = (title: string, minor: number, start: string, divisionId: string, location: string, created: number) =>
        TourMother.create({ title, costFrom: Money.ofMinor(minor, 'BDT'), startDate: day(start), endDate: new Date(day(start).getTime() + 86_400_000), divisionId, location, now: new Date(Date.UTC(2026, 0, created)) });
      const tours = [
        make('Ratargul Swamp', 500_000, '2026-05-01', 'sylhet', 'Sylhet', 1),
        make('Tea Garden Walk', 300_000, '2026-05-10', 'sylhet', 'Srimangal', 2),
        make('Saint Martin Island', 1_800_000, '2026-06-01', 'ctg', "Cox's Bazar", 3),
        make('Bandarban Hills', 900_000, '2026-07-01', 'ctg', 'Bandarban', 4),
        make('Old Dhaka Food Walk', 150_000, '2026-05-05', 'dhaka', 'Dhaka', 5),
      ];
      for (const tour of tours) await repos.tours.save(tour);

      const sylhet = await repos.tours.list(emptyListQuery({ filters: { division: 'sylhet' }, sort: [{ field: 'costFrom', direction: 'DESC' }] }));
      expect(sylhet.items.map((t) => t.title)).toEqual(['Ratargul Swamp', 'Tea Garden Walk']);
      expect(sylhet.total).toBe(2);

      const costly = await repos.tours.list(emptyListQuery({ ranges: { costFrom: { gte: 500_000, lte: 1_800_000 } }, sort: [{ field: 'costFrom', direction: 'ASC' }] }));
      expect(costly.items.map((t) => t.title)).toEqual(['Ratargul Swamp', 'Bandarban Hills', 'Saint Martin Island']);

      const may = await repos.tours.list(emptyListQuery({ ranges: { startDate: { gte: day('2026-05-01'), lte: day('2026-05-31') } }, sort: [{ field: 'startDate', direction: 'ASC' }] }));
      expect(may.items.map((t) => t.title)).toEqual(['Ratargul Swamp', 'Old Dhaka Food Walk', 'Tea Garden Walk']);

      const searched = await repos.tours.list(emptyListQuery({ searchTerm: 'BAZAR' }));
      expect(searched.items.map((t) => t.title)).toEqual(['Saint Martin Island']);
      const byLocation = await repos.tours.list(emptyListQuery({ filters: { location: 'Bandarban' } }));
      expect(byLocation.items.map((t) => t.title)).toEqual(['Bandarban Hills']);
      const byId = await repos.tours.list(emptyListQuery({ filters: { id: tours[2].id } }));
      expect(byId.items.map((t) => t.id)).toEqual([tours[2].id]);

      const pages = [1, 2, 3].map((page) => repos.tours.list(emptyListQuery({ page, limit: 2 })));
      const [p1, p2, p3] = await Promise.all(pages);
      expect([p1.total, p2.total, p3.total]).toEqual([5, 5, 5]);
      expect([...p1.items, ...p2.items, ...p3.items].map((t) => t.title)).toEqual([
        'Old Dhaka Food Walk', 'Bandarban Hills', 'Saint Martin Island', 'Tea Garden Walk', 'Ratargul Swamp',
      ]);

      await repos.tours.delete(tours[0].id);
      expect(await repos.tours.findById(tours[0].id)).toBeNull();
    });
  });
}
