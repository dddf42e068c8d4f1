import type { DivisionRepository } from '../../src/application/ports/DivisionRepository';
import { emptyListQuery } from '../../src/application/shared/ListQuery';
import { DivisionMother } from '../mothers/CatalogueMother';

/** What the division use cases and the catalogue views rely on. Each test starts from an empty store. */
export function describeDivisionRepositoryContract(name: string, make: () => Promise<DivisionRepository>): void {
  describe(`DivisionRepository contract: ${name}`, () => {
    let divisions: DivisionRepository;
    beforeEach(async () => {
      divisions = await make();
    });

    test('a division round-trips and is found by id, slug and ids', async () => {
      const division = DivisionMother.create({ name: 'Sylhet', thumbnail: 'divisions/abc.png' });
      await divisions.save(division);
      const found = await divisions.findById(division.id);
      expect(found?.toProps()).toEqual(division.toProps());
      expect((await divisions.findBySlug('sylhet'))?.id).toBe(division.id);
      expect((await divisions.findByIds([division.id, 'nope'])).map((d) => d.id)).toEqual([division.id]);
      expect(await divisions.findById('nope')).toBeNull();
      expect(await divisions.findByIds([])).toEqual([]);
    });

    test('division names and slugs are unique; slugsLike lists the base and its numbered variants only', async () => {
      await divisions.save(DivisionMother.create({ name: 'Dhaka' }));
      await divisions.save(DivisionMother.create({ name: 'Dhaka North', slug: 'dhaka-2' }));
      await divisions.save(DivisionMother.create({ name: 'Dhaka South', slug: 'dhaka-south' }));
      expect((await divisions.slugsLike('dhaka')).sort()).toEqual(['dhaka', 'dhaka-2']);
      await expect(divisions.save(DivisionMother.create({ name: 'Dhaka', slug: 'dhaka-3' }))).rejects.toMatchObject({ code: 'DIVISION.ALREADY_EXISTS' });
      await expect(divisions.save(DivisionMother.create({ name: 'Other', slug: 'dhaka' }))).rejects.toMatchObject({ code: 'DIVISION.ALREADY_EXISTS' });
    });

    test('divisions list with search, sort and page totals; delete removes', async () => {
      for (const [i, name] of ['Rajshahi', 'Rangpur', 'Barishal', 'Khulna'].entries()) {
        await divisions.save(DivisionMother.create({ name, now: new Date(Date.UTC(2026, 0, 1 + i)) }));
      }
      const searched = await divisions.list(emptyListQuery({ searchTerm: 'SHA' }));
      expect(searched.items.map((d) => d.name).sort()).toEqual(['Barishal', 'Rajshahi']);
      const page = await divisions.list(emptyListQuery({ sort: [{ field: 'name', direction: 'ASC' }], limit: 3, page: 2 }));
      expect(page.total).toBe(4);
      expect(page.items.map((d) => d.name)).toEqual(['Rangpur']);
      const newest = await divisions.list(emptyListQuery({ limit: 1 }));
      expect(newest.items[0].name).toBe('Khulna');
      await divisions.delete(newest.items[0].id);
      expect(await divisions.findById(newest.items[0].id)).toBeNull();
    });


    test('delete removes unconditionally (callers count the referencing tours first); an unknown id is a no-op', async () => {
      const kept = DivisionMother.create();
      await divisions.save(kept);
      await divisions.delete(kept.id);
      expect(await divisions.findById(kept.id)).toBeNull();
      await expect(divisions.delete('00000000-0000-4000-8000-000000000000')).resolves.toBeUndefined();
    });
  });
}
