import { CreateDivision } from '../../../../src/application/catalogue/CreateDivision';
import { CreateTour } from '../../../../src/application/catalogue/CreateTour';
import { CreateTourType } from '../../../../src/application/catalogue/CreateTourType';
import { DeleteDivision } from '../../../../src/application/catalogue/DeleteDivision';
import { DeleteTour } from '../../../../src/application/catalogue/DeleteTour';
import { DeleteTourType } from '../../../../src/application/catalogue/DeleteTourType';
import { GetTour } from '../../../../src/application/catalogue/GetTour';
import { ImageUploads } from '../../../../src/application/catalogue/ImageUploads';
import { ImageUrls } from '../../../../src/application/catalogue/ImageUrls';
import { ListTours } from '../../../../src/application/catalogue/ListTours';
import type { TourInput } from '../../../../src/application/catalogue/TourInput';
import { TourViews } from '../../../../src/application/catalogue/TourViews';
import { UpdateDivision } from '../../../../src/application/catalogue/UpdateDivision';
import { UpdateTour } from '../../../../src/application/catalogue/UpdateTour';
import type { IncomingFile } from '../../../../src/application/shared/IncomingFile';
import { emptyListQuery } from '../../../../src/application/shared/ListQuery';
import { FakeClock } from '../../../fakes/FakeClock';
import { InMemoryDivisionRepository } from '../../../fakes/InMemoryDivisionRepository';
import { InMemoryObjectStorage } from '../../../fakes/InMemoryObjectStorage';
import { InMemorySeatLedger } from '../../../fakes/InMemorySeatLedger';
import { InMemoryTourRepository } from '../../../fakes/InMemoryTourRepository';
import { InMemoryTourTypeRepository } from '../../../fakes/InMemoryTourTypeRepository';
import { InMemoryUnitOfWork } from '../../../fakes/InMemoryUnitOfWork';
import { RecordingLogger } from '../../../fakes/RecordingLogger';
import { SequentialIds } from '../../../fakes/SequentialIds';
import { ImageMother } from '../../../mothers/ImageMother';

const file = (name: string, bytes: Buffer): IncomingFile => ({ name, size: bytes.length, read: async () => bytes });

/** Storage whose puts or deletes can be made to fail, to see what the use cases leave behind. */
class FlakyStorage extends InMemoryObjectStorage {
  failPutsAfter = Infinity;
  failDeletes = false;
  override async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    if (this.failPutsAfter-- <= 0) throw new Error('storage down');
    return super.put(key, bytes, contentType);
  }
  override async delete(key: string): Promise<void> {
    if (this.failDeletes) throw new Error('storage down');
    return super.delete(key);
  }
}

function catalogue() {
  const clock = new FakeClock();
  const ids = new SequentialIds('cat');
  const divisions = new InMemoryDivisionRepository();
  const tourTypes = new InMemoryTourTypeRepository();
  const tours = new InMemoryTourRepository();
  const ledger = new InMemorySeatLedger();
  const storage = new FlakyStorage(() => clock.now());
  const logger = new RecordingLogger();
  const uow = new InMemoryUnitOfWork();
  const uploads = new ImageUploads(storage, ids, logger);
  const urls = new ImageUrls(storage, clock, { ttlSeconds: 3600, windowSeconds: 3600 });
  const views = new TourViews(divisions, tourTypes, ledger, urls, clock);
  return {
    clock, divisions, tourTypes, tours, ledger, storage, logger,
    createDivision: new CreateDivision(divisions, uploads, urls, ids, clock, uow),
    updateDivision: new UpdateDivision(divisions, uploads, urls, clock, uow),
    deleteDivision: new DeleteDivision(divisions, tours, uploads, uow),
    createTourType: new CreateTourType(tourTypes, ids, clock, uow),
    deleteTourType: new DeleteTourType(tourTypes, tours, uow),
    createTour: new CreateTour(tours, divisions, tourTypes, uploads, views, ids, clock, uow, 'BDT'),
    // Writes count seats under the tour's lock through BookingRepository; here the same bookings as the ledger.
    updateTour: new UpdateTour(tours, divisions, tourTypes, { seatsHeld: async (id, now) => (await ledger.seatsHeld([id], now)).get(id) ?? 0 }, uploads, views, clock, uow),
    deleteTour: new DeleteTour(tours, ledger, uploads, uow),
    getTour: new GetTour(tours, views),
    listTours: new ListTours(tours, views),
  };
}

describe('catalogue use cases', () => {
  let c: ReturnType<typeof catalogue>;
  let input: TourInput;

  beforeEach(async () => {
    c = catalogue();
    const division = await c.createDivision.execute({ name: 'Chattogram' });
    const type = await c.createTourType.execute({ name: 'Hill Trip' });
    input = { title: 'Sajek Valley', costFrom: 12500.5, maxGuest: 10, division: division.division.id, tourType: type.id };
  });

  it('creates a tour with images under random keys, money from major units, and a view with URLs and names', async () => {
    const view = await c.createTour.execute(input, [file('my holiday.png', ImageMother.png()), file('x.jpg', ImageMother.jpeg())]);
    expect(view.tour.costFrom).toMatchObject({ minor: 1250050, currency: 'BDT' });
    expect(view.tour.images).toEqual(['tours/cat-000003.png', 'tours/cat-000004.jpg']);
    expect(view).toMatchObject({ divisionName: 'Chattogram', tourTypeName: 'Hill Trip', seatsLeft: 10 });
    expect(await c.storage.open(view.imageUrls[0])).toMatchObject({ contentType: 'image/png' });
  });

  it('a tour the database refuses leaves no stored objects behind', async () => {
    await expect(c.createTour.execute({ ...input, division: 'missing' }, [file('a.png', ImageMother.png())])).rejects.toMatchObject({ problems: [{ path: 'division', message: 'no such division' }] });
    expect(c.storage.objects.size).toBe(0);
    await expect(c.createTour.execute({ ...input, costFrom: 1.234 }, [file('a.png', ImageMother.png())])).rejects.toThrow('costFrom');
    expect(c.storage.objects.size).toBe(0);
  });

  it('a storage failure half way removes the objects already written and saves nothing', async () => {
    c.storage.failPutsAfter = 1;
    await expect(c.createTour.execute(input, [file('a.png', ImageMother.png()), file('b.png', ImageMother.png(2))])).rejects.toThrow('storage down');
    expect(c.storage.objects.size).toBe(0);
    expect((await c.listTours.execute(emptyListQuery())).total).toBe(0);
  });

  it('same titles get -2; the slug survives renames unless asked', async () => {
    const first = await c.createTour.execute(input);
    const second = await c.createTour.execute(input);
    expect([first.tour.slug.value, second.tour.slug.value]).toEqual(['sajek-valley', 'sajek-valley-2']);
    const renamed = await c.updateTour.execute(second.tour.id, { title: 'Sajek Clouds' });
    expect(renamed.tour.slug.value).toBe('sajek-valley-2');
    expect((await c.updateTour.execute(second.tour.id, { regenerateSlug: true })).tour.slug.value).toBe('sajek-clouds');
    expect((await c.updateTour.execute(first.tour.id, { regenerateSlug: true })).tour.slug.value).toBe('sajek-valley');
  });

  it('an update adds new images and deletes the replaced ones only after the commit', async () => {
    const created = await c.createTour.execute(input, [file('a.png', ImageMother.png(1)), file('b.png', ImageMother.png(2))]);
    const [a, b] = created.tour.images;
    const updated = await c.updateTour.execute(created.tour.id, { deleteImages: [created.imageUrls[0]] }, [file('c.png', ImageMother.png(3))]);
    const added = updated.tour.images[1];
    expect(updated.tour.images).toEqual([b, added]);
    expect(added).not.toBe(a);
    expect([...c.storage.objects.keys()].sort()).toEqual([b, added].sort());
    expect(await c.storage.exists(a)).toBe(false);
  });

  it('a refused update keeps the old images and removes the new ones', async () => {
    const created = await c.createTour.execute(input, [file('a.png', ImageMother.png(1))]);
    c.ledger.add({ tourId: created.tour.id, guestCount: 6, status: 'COMPLETE', expiresAt: c.clock.now() });
    await expect(c.updateTour.execute(created.tour.id, { maxGuest: 5, deleteImages: [created.tour.images[0]] }, [file('n.png', ImageMother.png(9))]))
      .rejects.toMatchObject({ code: 'TOUR.CAPACITY_BELOW_HELD' });
    expect([...c.storage.objects.keys()]).toEqual([...created.tour.images]);
    expect((await c.getTour.execute(created.tour.slug.value)).tour.images).toEqual(created.tour.images);
  });

  it('seatsLeft counts completed bookings and live holds only', async () => {
    const created = await c.createTour.execute(input);
    const soon = new Date(c.clock.now().getTime() + 60_000);
    c.ledger.add({ tourId: created.tour.id, guestCount: 3, status: 'PENDING', expiresAt: soon });
    c.ledger.add({ tourId: created.tour.id, guestCount: 2, status: 'COMPLETE', expiresAt: soon });
    c.ledger.add({ tourId: created.tour.id, guestCount: 4, status: 'CANCEL', expiresAt: soon });
    expect((await c.getTour.execute(created.tour.id)).seatsLeft).toBe(5);
    c.clock.advance(120_000);
    expect((await c.listTours.execute(emptyListQuery())).items[0].seatsLeft).toBe(8);
  });

  it('a tour with pending or completed bookings cannot be deleted; otherwise its images go too', async () => {
    const created = await c.createTour.execute(input, [file('a.png', ImageMother.png())]);
    c.ledger.add({ tourId: created.tour.id, guestCount: 1, status: 'PENDING', expiresAt: c.clock.now() });
    await expect(c.deleteTour.execute(created.tour.id)).rejects.toMatchObject({ code: 'TOUR.HAS_BOOKINGS' });
    expect(c.storage.objects.size).toBe(1);
    c.ledger.bookings[0].status = 'CANCEL';
    await c.deleteTour.execute(created.tour.id);
    expect(c.storage.objects.size).toBe(0);
    await expect(c.deleteTour.execute(created.tour.id)).rejects.toMatchObject({ code: 'TOUR.NOT_FOUND' });
  });

  it('divisions and tour types in use cannot be deleted', async () => {
    await c.createTour.execute(input);
    await expect(c.deleteDivision.execute(input.division)).rejects.toMatchObject({ code: 'DIVISION.IN_USE' });
    await expect(c.deleteTourType.execute(input.tourType)).rejects.toMatchObject({ code: 'TOUR_TYPE.IN_USE' });
  });

  it('a replaced division thumbnail is deleted after commit; a failed delete is logged, not thrown', async () => {
    const created = await c.createDivision.execute({ name: 'Sylhet' }, file('a.png', ImageMother.png(1)));
    const oldKey = created.division.thumbnail!;
    const updated = await c.updateDivision.execute(created.division.id, {}, file('b.png', ImageMother.png(2)));
    expect(await c.storage.exists(oldKey)).toBe(false);
    c.storage.failDeletes = true;
    await c.updateDivision.execute(created.division.id, {}, file('c.png', ImageMother.png(3)));
    expect(c.logger.at('warn')).toEqual([expect.objectContaining({ fields: expect.objectContaining({ key: updated.division.thumbnail }) })]);
  });
});
