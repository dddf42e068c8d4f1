import type { TourTypeRepository } from '../../src/application/ports/TourTypeRepository';
import { emptyListQuery } from '../../src/application/shared/ListQuery';
import { TourTypeMother } from '../mothers/CatalogueMother';

/** What the tour type use cases and the catalogue views rely on. Each test starts from an empty store. */
export function describeTourTypeRepositoryContract(name: string, make: () => Promise<TourTypeRepository>): void {
  describe(`TourTypeRepository contract: ${name}`, () => {
    let tourTypes: TourTypeRepository;
    beforeEach(async () => {
      tourTypes = await make();
    });

    test('tour types are unique by name, found by name and ids, listed and deleted', async () => {
      const hiking = TourTypeMother.create({ name: 'Hiking' });
      await tourTypes.save(hiking);
      await tourTypes.save(TourTypeMother.create({ name: 'Beach' }));
      expect((await tourTypes.findByName('Hiking'))?.id).toBe(hiking.id);
      expect((await tourTypes.findByIds([hiking.id])).map((t) => t.name)).toEqual(['Hiking']);
      await expect(tourTypes.save(TourTypeMother.create({ name: 'Hiking' }))).rejects.toMatchObject({ code: 'TOUR_TYPE.ALREADY_EXISTS' });
      hiking.rename('Trekking', new Date('2026-03-02T00:00:00.000Z'));
      await tourTypes.save(hiking);
      expect((await tourTypes.findById(hiking.id))?.name).toBe('Trekking');
      const list = await tourTypes.list(emptyListQuery({ sort: [{ field: 'name', direction: 'ASC' }] }));
      expect(list.items.map((t) => t.name)).toEqual(['Beach', 'Trekking']);
      await tourTypes.delete(hiking.id);
      expect(await tourTypes.findById(hiking.id)).toBeNull();
    });


    test('delete removes unconditionally (callers count the referencing tours first); an unknown id is a no-op', async () => {
      const kept = TourTypeMother.create();
      await tourTypes.save(kept);
      await tourTypes.delete(kept.id);
      expect(await tourTypes.findById(kept.id)).toBeNull();
      await expect(tourTypes.delete('00000000-0000-4000-8000-000000000000')).resolves.toBeUndefined();
    });
  });
}
