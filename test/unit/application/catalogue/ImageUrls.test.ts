import { ImageUrls } from '../../../../src/application/catalogue/ImageUrls';
import { FakeClock } from '../../../fakes/FakeClock';
import { InMemoryObjectStorage } from '../../../fakes/InMemoryObjectStorage';

const MINUTE = 60_000;

describe('ImageUrls', () => {
  const setUp = async () => {
    const clock = new FakeClock(new Date('2026-03-01T10:05:00.000Z'));
    const storage = new InMemoryObjectStorage(() => clock.now());
    await storage.put('tours/a.png', Buffer.from('a'), 'image/png');
    await storage.put('tours/b.png', Buffer.from('b'), 'image/png');
    return { clock, storage, urls: new ImageUrls(storage, clock, { ttlSeconds: 6 * 3600, windowSeconds: 3600 }) };
  };

  it('gives one image the same URL for the whole hour, and a new one the next hour', async () => {
    const { clock, urls } = await setUp();
    const at1005 = await urls.url('tours/a.png');
    clock.set('2026-03-01T10:59:59.000Z');
    expect(await urls.url('tours/a.png')).toBe(at1005);
    expect(await urls.url('tours/b.png')).not.toBe(at1005);
    clock.set('2026-03-01T11:00:00.000Z');
    expect(await urls.url('tours/a.png')).not.toBe(at1005);
  });

  it('hands out URLs that stay valid at least the lifetime, whenever in the hour they are asked for', async () => {
    const { clock, storage, urls } = await setUp();
    clock.set('2026-03-01T10:59:00.000Z');
    const late = (await urls.url('tours/a.png'))!;
    clock.advance(6 * 3600_000 - MINUTE);
    expect((await storage.open(late))?.bytes.toString()).toBe('a');
    clock.set('2026-03-01T10:00:00.000Z');
    const early = (await urls.url('tours/a.png'))!;
    clock.advance(7 * 3600_000);
    expect(await storage.open(early)).toBeNull();
  });

  it('passes URLs through and skips empty keys', async () => {
    const { urls } = await setUp();
    const found = await urls.urls(['https://lh3.googleusercontent.com/p.jpg', null, 'tours/a.png', 'tours/a.png']);
    expect([...found.keys()]).toEqual(['https://lh3.googleusercontent.com/p.jpg', 'tours/a.png']);
    expect(found.get('https://lh3.googleusercontent.com/p.jpg')).toBe('https://lh3.googleusercontent.com/p.jpg');
    expect(await urls.url(null)).toBeNull();
  });
});
