import { GetBooking } from '../../../../src/application/bookings/GetBooking';
import { ListBookings } from '../../../../src/application/bookings/ListBookings';
import { ImageUrls } from '../../../../src/application/catalogue/ImageUrls';
import { emptyListQuery } from '../../../../src/application/shared/ListQuery';
import { Forbidden, NotFound } from '../../../../src/domain/shared/errors';
import { InMemoryObjectStorage } from '../../../fakes/InMemoryObjectStorage';
import { UserMother } from '../../../mothers/UserMother';
import { bookingWorld } from '../bookingWorld';

/** Booking views show the tour's images as URLs that download, like the tour routes, not as storage keys. */
describe('GetBooking and ListBookings', () => {
  const setUp = async () => {
    const w = bookingWorld();
    const storage = new InMemoryObjectStorage(() => w.clock.now());
    await storage.put('tours/front.png', Buffer.from('front'), 'image/png');
    await storage.put('tours/back.webp', Buffer.from('back'), 'image/webp');
    const urls = new ImageUrls(storage, w.clock, { ttlSeconds: 3600, windowSeconds: 3600 });
    const tour = w.tour({ capacity: 10 }, ['tours/front.png', 'tours/back.webp', 'https://cdn.example.com/c.jpg']);
    const owner = await w.traveller();
    const { booking } = await w.book(owner, tour);
    return { w, storage, owner, booking, getBooking: new GetBooking(w.bookings, urls), listBookings: new ListBookings(w.bookings, urls) };
  };

  const bytesOf = async (storage: InMemoryObjectStorage, url: string) => (await storage.open(url))?.bytes.toString() ?? null;

  it('GetBooking: every stored image key becomes a working download URL; URLs pass through', async () => {
    const { storage, owner, booking, getBooking } = await setUp();
    const view = await getBooking.execute({ userId: owner.id, role: owner.role }, booking.id);
    const [front, back, cdn] = view.tour!.images;
    expect([await bytesOf(storage, front), await bytesOf(storage, back)]).toEqual(['front', 'back']);
    expect(cdn).toBe('https://cdn.example.com/c.jpg');
  });

  it('ListBookings: the traveller\'s own list and the admin list carry URLs too', async () => {
    const { w, storage, owner, listBookings } = await setUp();
    const mine = await listBookings.execute({ userId: owner.id, role: owner.role }, emptyListQuery(), { mine: true });
    const admin = UserMother.admin();
    const all = await listBookings.execute({ userId: admin.id, role: admin.role }, emptyListQuery(), { mine: false });
    for (const page of [mine, all]) {
      expect(page.total).toBe(1);
      expect(await bytesOf(storage, page.items[0].tour!.images[0])).toBe('front');
    }
    const stranger = await w.traveller();
    await expect(listBookings.execute({ userId: stranger.id, role: stranger.role }, emptyListQuery(), { mine: false })).rejects.toBeInstanceOf(Forbidden);
  });

  it('another traveller learns nothing', async () => {
    const { w, booking, getBooking } = await setUp();
    const stranger = await w.traveller();
    await expect(getBooking.execute({ userId: stranger.id, role: stranger.role }, booking.id)).rejects.toBeInstanceOf(NotFound);
  });
});
