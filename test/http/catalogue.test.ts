import fs from 'node:fs';
import path from 'node:path';
import type { ObjectStorage } from '../../src/application/ports/ObjectStorage';
import type { Database } from '../../src/infrastructure/persistence/Database';
import { encodePng } from '../../src/interfaces/cli/png';
import { ImageMother } from '../mothers/ImageMother';
import type { LoggedIn} from '../support/accounts';
import { loginSuperAdmin, startAppWithSuperAdmin, verifiedUser } from '../support/accounts';
import { ensureBookingsTable, insertBooking } from '../support/bookingsTable';
import type { TestApp } from '../support/testApp';

const API = '/api/v1';

function form(data: unknown, files: { field: string; name: string; bytes: Buffer; type?: string }[] = []): FormData {
  const body = new FormData();
  if (data !== undefined) body.append('data', JSON.stringify(data));
  for (const f of files) body.append(f.field, new Blob([f.bytes], { type: f.type ?? 'image/png' }), f.name);
  return body;
}

/** Every object file the embedded store holds, as keys. */
function storedKeys(app: TestApp): string[] {
  const root = path.join(app.varDir, 'storage', 'objects');
  if (!fs.existsSync(root)) return [];
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.relative(root, path.join(dir, e.name))]));
  return walk(root).sort();
}

let appUrl = '';

/** Follows an image URL. It is built on PUBLIC_URL (default http://localhost:PORT, and the test app's PORT is 0 for a free one). */
async function download(url: string): Promise<{ status: number; type: string | null; bytes: Buffer; body: any }> {
  expect(url.startsWith('http://localhost:0/files/')).toBe(true);
  const { pathname, search } = new URL(url);
  const response = await fetch(`${appUrl}${pathname}${search}`);
  const bytes = Buffer.from(await response.arrayBuffer());
  const type = response.headers.get('content-type');
  return { status: response.status, type, bytes, body: type?.includes('json') ? JSON.parse(bytes.toString()) : null };
}

describe('catalogue over HTTP', () => {
  let app: TestApp;
  let admin: LoggedIn;
  let traveller: LoggedIn;
  let db: Database;
  let storage: ObjectStorage;

  beforeAll(async () => {
    app = await startAppWithSuperAdmin();
    appUrl = app.url;
    db = app.server.root.database;
    storage = app.server.root.ports.objectStorage;
    await ensureBookingsTable(db);
    admin = await loginSuperAdmin(app);
    traveller = await verifiedUser(app, admin);
  });
  afterAll(() => app.stop());

  const as = (who: LoggedIn) => ({ token: who.accessToken });
  const createDivision = async (name: string, description = `${name} division`) => {
    const response = await app.request('POST', `${API}/division/create`, { ...as(admin), body: { name, description } });
    expect(response.status).toBe(201);
    return response.body.data;
  };
  const createTourType = async (name: string) => {
    const response = await app.request('POST', `${API}/tour/create-tour-type`, { ...as(admin), body: { name } });
    expect(response.status).toBe(201);
    return response.body.data;
  };
  const tourBody = (division: string, tourType: string, overrides: Record<string, unknown> = {}) => ({
    title: 'Sajek Valley Escape',
    description: 'Clouds over the hills of Rangamati',
    location: 'Rangamati',
    costFrom: 12500,
    startDate: '2026-09-01T02:00:00.000Z',
    endDate: '2026-09-03T14:00:00.000Z',
    included: ['Jeep', 'Cottage'],
    excluded: ['Lunch'],
    amenities: ['Wi-Fi'],
    tourPlan: ['Day 1: Khagrachari', 'Day 2: Konglak'],
    maxGuest: 10,
    minAge: 5,
    division,
    tourType,
    ...overrides,
  });

  describe('divisions', () => {
    it('an admin creates a division with a thumbnail by multipart; its URL serves the image', async () => {
      const png = ImageMother.png(1);
      const response = await app.request('POST', `${API}/division/create`, {
        ...as(admin),
        form: form({ name: 'Sylhet', description: 'Tea gardens and haors' }, [{ field: 'file', name: 'holiday photo.png', bytes: png }]),
      });
      expect(response.status).toBe(201);
      const division = response.body.data;
      expect(division).toMatchObject({ name: 'Sylhet', slug: 'sylhet', description: 'Tea gardens and haors' });
      expect(division._id).toBe(division.id);
      expect(division.thumbnail).toMatch(/\/files\/divisions\/[0-9a-f-]+\.png\?expires=\d+&signature=[0-9a-f]{64}$/);
      expect(division.thumbnail).not.toContain('holiday');
      const fetched = await download(division.thumbnail);
      expect(fetched.status).toBe(200);
      expect(fetched.type).toBe('image/png');
      expect(fetched.bytes.equals(png)).toBe(true);
    });

    it('a tampered or re-keyed image URL is refused with a 403 envelope', async () => {
      const created = await app.request('POST', `${API}/division/create`, {
        ...as(admin),
        form: form({ name: 'Mymensingh' }, [{ field: 'file', name: 'm.png', bytes: ImageMother.png(2) }]),
      });
      const url: string = created.body.data.thumbnail;
      const tampered = url.replace(/signature=([0-9a-f])/, (_, c) => `signature=${c === 'a' ? 'b' : 'a'}`);
      const refused = await download(tampered);
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ success: false, statusCode: 403 });
      const other = storedKeys(app).find((k) => !url.includes(k))!;
      expect((await download(url.replace(/divisions\/[^?]+/, other))).status).toBe(403);
      expect((await download(url.replace(/expires=\d+/, 'expires=9999999999'))).status).toBe(403);
    });

    it('a text file renamed .png is a 400 naming the file, and nothing is stored', async () => {
      const before = storedKeys(app);
      const response = await app.request('POST', `${API}/division/create`, {
        ...as(admin),
        form: form({ name: 'Rangpur' }, [{ field: 'file', name: 'notes.png', bytes: ImageMother.textPretendingToBePng() }]),
      });
      expect(response.status).toBe(400);
      expect(response.body.errorSources).toEqual([{ path: 'file', message: '"notes.png" is not a JPEG, PNG or WebP image' }]);
      expect(storedKeys(app)).toEqual(before);
      expect((await app.request('GET', `${API}/division/rangpur`)).status).toBe(404);
    });

    it('a file over 5 MB is a 400 naming the file', async () => {
      const big = Buffer.concat([ImageMother.png(3), Buffer.alloc(5 * 1024 * 1024)]);
      const response = await app.request('POST', `${API}/division/create`, {
        ...as(admin),
        form: form({ name: 'Big Picture' }, [{ field: 'file', name: 'huge.png', bytes: big }]),
      });
      expect(response.status).toBe(400);
      expect(response.body.errorSources[0]).toMatchObject({ path: 'file', message: expect.stringContaining('"huge.png" is larger than 5 MB') });
    });

    it('when the database refuses the row, the uploaded object is removed again', async () => {
      await createDivision('Khulna');
      const before = storedKeys(app);
      const response = await app.request('POST', `${API}/division/create`, {
        ...as(admin),
        form: form({ name: 'Khulna' }, [{ field: 'file', name: 'k.png', bytes: ImageMother.png(4) }]),
      });
      expect(response.status).toBe(409);
      expect(storedKeys(app)).toEqual(before);
    });

    it('slugs are unique: names that slug alike get -2', async () => {
      const first = await createDivision("Cox's Bazar");
      const second = await createDivision('Coxs Bazar');
      expect([first.slug, second.slug]).toEqual(['coxs-bazar', 'coxs-bazar-2']);
    });

    it('lists with search and meta, and reads one by slug or id', async () => {
      const list = await app.request('GET', `${API}/division?searchTerm=tea&fields=name,slug`);
      expect(list.status).toBe(200);
      expect(list.body.data).toEqual([{ _id: expect.any(String), id: expect.any(String), name: 'Sylhet', slug: 'sylhet' }]);
      expect(list.body.meta).toEqual({ page: 1, limit: 10, total: 1, totalPage: 1 });
      const bySlug = await app.request('GET', `${API}/division/sylhet`);
      expect(bySlug.body.data.name).toBe('Sylhet');
      const byId = await app.request('GET', `${API}/division/${bySlug.body.data.id}`);
      expect(byId.body.data.slug).toBe('sylhet');
      expect((await app.request('GET', `${API}/division?sort=population`)).status).toBe(400);
    });

    it('a new thumbnail replaces the old one, whose object is deleted after the commit; the slug stays unless asked', async () => {
      const created = await app.request('POST', `${API}/division/create`, {
        ...as(admin),
        form: form({ name: 'Barishal' }, [{ field: 'file', name: 'b1.png', bytes: ImageMother.png(5) }]),
      });
      const oldKey = /\/files\/([^?]+)/.exec(created.body.data.thumbnail)![1];
      expect(await storage.exists(oldKey)).toBe(true);
      const patched = await app.request('PATCH', `${API}/division/${created.body.data.id}`, {
        ...as(admin),
        form: form({ name: 'Barisal' }, [{ field: 'file', name: 'b2.png', bytes: ImageMother.png(6) }]),
      });
      expect(patched.status).toBe(200);
      expect(patched.body.data).toMatchObject({ name: 'Barisal', slug: 'barishal' });
      expect(await storage.exists(oldKey)).toBe(false);
      expect((await download(patched.body.data.thumbnail)).bytes.equals(ImageMother.png(6))).toBe(true);
      const renamed = await app.request('PATCH', `${API}/division/${created.body.data.id}`, { ...as(admin), body: { regenerateSlug: true } });
      expect(renamed.body.data.slug).toBe('barisal');
    });

    it('travellers get 403 and anonymous callers 401 on writes', async () => {
      const division = await createDivision('Rajshahi');
      expect((await app.request('POST', `${API}/division/create`, { ...as(traveller), body: { name: 'Nope' } })).status).toBe(403);
      expect((await app.request('PATCH', `${API}/division/${division.id}`, { ...as(traveller), body: { name: 'Nope' } })).status).toBe(403);
      expect((await app.request('DELETE', `${API}/division/${division.id}`, as(traveller))).status).toBe(403);
      expect((await app.request('POST', `${API}/division/create`, { body: { name: 'Nope' } })).status).toBe(401);
    });
  });

  describe('tour types', () => {
    it('are created unique, listed nested as data.data with meta, renamed and deleted', async () => {
      const hiking = await createTourType('Hiking');
      expect((await app.request('POST', `${API}/tour/create-tour-type`, { ...as(admin), body: { name: 'Hiking' } })).status).toBe(409);
      await createTourType('River Cruise');
      const list = await app.request('GET', `${API}/tour/tour-types?sort=name`);
      expect(list.status).toBe(200);
      expect(list.body.data.meta).toMatchObject({ page: 1, limit: 10, total: 2 });
      expect(list.body.data.data.map((t: { name: string }) => t.name)).toEqual(['Hiking', 'River Cruise']);
      expect(list.body.meta).toBeUndefined();
      const renamed = await app.request('PATCH', `${API}/tour/tour-types/${hiking.id}`, { ...as(admin), body: { name: 'Trekking' } });
      expect(renamed.body.data.name).toBe('Trekking');
      expect((await app.request('GET', `${API}/tours/tour-types`)).body.data.data).toHaveLength(2);
      expect((await app.request('DELETE', `${API}/tour/tour-types/${hiking.id}`, as(admin))).status).toBe(200);
      expect((await app.request('DELETE', `${API}/tour/tour-types/${hiking.id}`, as(admin))).status).toBe(404);
    });

    it('travellers get 403 on writes', async () => {
      const type = await createTourType('Cultural');
      expect((await app.request('POST', `${API}/tour/create-tour-type`, { ...as(traveller), body: { name: 'X Type' } })).status).toBe(403);
      expect((await app.request('PATCH', `${API}/tour/tour-types/${type.id}`, { ...as(traveller), body: { name: 'X Type' } })).status).toBe(403);
      expect((await app.request('DELETE', `${API}/tour/tour-types/${type.id}`, as(traveller))).status).toBe(403);
    });
  });

  describe('tours', () => {
    let chattogram: { id: string };
    let dhaka: { id: string };
    let hills: { id: string };
    let city: { id: string };

    beforeAll(async () => {
      chattogram = await createDivision('Chattogram');
      dhaka = await createDivision('Dhaka');
      hills = await createTourType('Hill Trip');
      city = await createTourType('City Walk');
    });

    it('an admin creates a tour with three images; the answer has URLs, names, money in major units and seatsLeft', async () => {
      const images = [ImageMother.png(10), ImageMother.jpeg(), ImageMother.webp()];
      const response = await app.request('POST', `${API}/tour/create`, {
        ...as(admin),
        form: form(tourBody(chattogram.id, hills.id, { costFrom: 12500.5 }), [
          { field: 'files', name: 'one.png', bytes: images[0] },
          { field: 'files', name: 'two.jpg', bytes: images[1], type: 'image/jpeg' },
          { field: 'files', name: 'three.webp', bytes: images[2], type: 'image/webp' },
        ]),
      });
      expect(response.status).toBe(201);
      const tour = response.body.data;
      expect(tour).toMatchObject({
        title: 'Sajek Valley Escape', slug: 'sajek-valley-escape', costFrom: 12500.5, currency: 'BDT', maxGuest: 10, seatsLeft: 10, minAge: 5,
        division: chattogram.id, divisionName: 'Chattogram', tourType: hills.id, tourTypeName: 'Hill Trip',
        startDate: '2026-09-01T02:00:00.000Z', endDate: '2026-09-03T14:00:00.000Z', included: ['Jeep', 'Cottage'],
      });
      expect(tour.images).toHaveLength(3);
      const fetched = await Promise.all(tour.images.map(download));
      expect(fetched.map((f) => f.type)).toEqual(['image/png', 'image/jpeg', 'image/webp']);
      expect(fetched.map((f) => f.bytes.equals(images[fetched.indexOf(f)]))).toEqual([true, true, true]);
    });

    it('keeps the order the client sent the images in, even when the first takes longest to write', async () => {
      let noise = 7;
      const large = encodePng(900, 900, () => [(noise = (noise * 1103515245 + 12345) >>> 0) & 255, noise >>> 8 & 255, noise >>> 16 & 255]);
      const smalls = Array.from({ length: 8 }, (_, i) => encodePng(2, 2, () => [i * 20, 10, 10]));
      const sent = [large, ...smalls];
      const response = await app.request('POST', `${API}/tour/create`, {
        ...as(admin),
        form: form(tourBody(dhaka.id, city.id, { title: 'Image Order Walk' }), sent.map((bytes, i) => ({ field: 'files', name: `${i}.png`, bytes }))),
      });
      expect(response.status).toBe(201);
      const fetched = await Promise.all(response.body.data.images.map(download));
      expect(fetched.map((f) => sent.findIndex((bytes) => bytes.equals(f.bytes)))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
      // The list tests below count every tour: leave none behind.
      expect((await app.request('DELETE', `${API}/tour/${response.body.data._id}`, as(admin))).status).toBe(200);
    });

    it('plain JSON works too, and a second tour with the same title gets slug -2', async () => {
      const response = await app.request('POST', `${API}/tours/create`, { ...as(admin), body: tourBody(chattogram.id, hills.id, { costFrom: 9000 }) });
      expect(response.status).toBe(201);
      expect(response.body.data).toMatchObject({ slug: 'sajek-valley-escape-2', images: [], costFrom: 9000 });
    });

    it('bad amounts, dates, references and files are 400s naming the field', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ costFrom: '12500' }, 'costFrom'],
        [{ costFrom: 12.345 }, 'costFrom'],
        [{ costFrom: -1 }, 'costFrom'],
        [{ endDate: '2026-08-01T00:00:00.000Z' }, 'endDate'],
        [{ maxGuest: 0 }, 'maxGuest'],
        [{ minAge: -2 }, 'minAge'],
        [{ division: 'no-such-division' }, 'division'],
        [{ tourType: 'no-such-type' }, 'tourType'],
      ];
      for (const [override, field] of cases) {
        const response = await app.request('POST', `${API}/tour/create`, { ...as(admin), body: tourBody(chattogram.id, hills.id, override) });
        expect({ field, status: response.status }).toEqual({ field, status: 400 });
        expect(response.body.errorSources.map((s: { path: string }) => s.path)).toContain(field);
      }
      const before = storedKeys(app);
      const textAsPng = await app.request('POST', `${API}/tour/create`, {
        ...as(admin),
        form: form(tourBody(chattogram.id, hills.id), [
          { field: 'files', name: 'ok.png', bytes: ImageMother.png(11) },
          { field: 'files', name: 'readme.png', bytes: ImageMother.textPretendingToBePng() },
        ]),
      });
      expect(textAsPng.status).toBe(400);
      expect(textAsPng.body.errorSources).toEqual([{ path: 'files[1]', message: '"readme.png" is not a JPEG, PNG or WebP image' }]);
      const eleven = Array.from({ length: 11 }, (_, i) => ({ field: 'files', name: `${i}.png`, bytes: ImageMother.tinyPng() }));
      const tooMany = await app.request('POST', `${API}/tour/create`, { ...as(admin), form: form(tourBody(chattogram.id, hills.id), eleven) });
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.errorSources[0].path).toBe('files');
      expect(storedKeys(app)).toEqual(before);
    });

    describe('lists', () => {
      beforeAll(async () => {
        const specs = [
          ['Bandarban Trek', 22000, '2026-10-01', chattogram.id, hills.id, 'Bandarban'],
          ['Old Dhaka Food Walk', 1500, '2026-05-05', dhaka.id, city.id, 'Dhaka'],
          ['Sonargaon Day Trip', 3000.75, '2026-05-20', dhaka.id, city.id, 'Narayanganj'],
          ['Kaptai Lake Cruise', 8000, '2026-11-11', chattogram.id, hills.id, 'Rangamati'],
        ] as const;
        for (const [title, costFrom, start, division, tourType, location] of specs) {
          const response = await app.request('POST', `${API}/tour/create`, {
            ...as(admin),
            body: tourBody(division, tourType, { title, costFrom, startDate: `${start}T03:00:00.000Z`, endDate: `${start}T15:00:00.000Z`, location, description: `${title} in ${location}` }),
          });
          expect(response.status).toBe(201);
        }
      });

      it('searches, filters by range and sorts by cost descending', async () => {
        const response = await app.request('GET', `${API}/tour?searchTerm=rangamati&sort=-costFrom&minCost=8000`);
        expect(response.status).toBe(200);
        expect(response.body.data.map((t: { title: string; costFrom: number }) => [t.title, t.costFrom])).toEqual([
          ['Sajek Valley Escape', 12500.5], ['Sajek Valley Escape', 9000], ['Kaptai Lake Cruise', 8000],
        ]);
        expect(response.body.data[0].images).toHaveLength(3);
        expect((await download(response.body.data[0].images[0])).status).toBe(200);
      });

      it('filters by division, tour type, location, cost and start ranges', async () => {
        const ids = async (query: string) => (await app.request('GET', `${API}/tour?${query}&sort=title`)).body.data.map((t: { title: string }) => t.title);
        expect(await ids(`division=${dhaka.id}`)).toEqual(['Old Dhaka Food Walk', 'Sonargaon Day Trip']);
        expect(await ids(`tourType=${hills.id}&maxCost=9000`)).toEqual(['Kaptai Lake Cruise', 'Sajek Valley Escape']);
        expect(await ids('location=Bandarban')).toEqual(['Bandarban Trek']);
        expect(await ids('minCost=3000.75&maxCost=3000.75')).toEqual(['Sonargaon Day Trip']);
        expect(await ids('startFrom=2026-05-01&startTo=2026-05-31')).toEqual(['Old Dhaka Food Walk', 'Sonargaon Day Trip']);
      });

      it('pages with correct totals, projects fields, accepts _id and the /tours alias', async () => {
        const page1 = await app.request('GET', `${API}/tour?limit=4&page=1&sort=costFrom`);
        const page2 = await app.request('GET', `${API}/tours?limit=4&page=2&sort=costFrom`);
        expect(page1.body.meta).toEqual({ page: 1, limit: 4, total: 6, totalPage: 2 });
        expect(page2.body.meta).toEqual({ page: 2, limit: 4, total: 6, totalPage: 2 });
        const costs = [...page1.body.data, ...page2.body.data].map((t: { costFrom: number }) => t.costFrom);
        expect(costs).toEqual([1500, 3000.75, 8000, 9000, 12500.5, 22000]);
        const one = await app.request('GET', `${API}/tour?_id=${page1.body.data[0].id}&fields=title,costFrom,currency`);
        expect(one.body.data).toEqual([{ _id: page1.body.data[0].id, id: page1.body.data[0].id, title: 'Old Dhaka Food Walk', costFrom: 1500, currency: 'BDT' }]);
      });

      it('refuses unknown sort fields, filters and malformed ranges with 400', async () => {
        const sort = await app.request('GET', `${API}/tour?sort=-password`);
        expect(sort.status).toBe(400);
        expect(sort.body.errorSources[0].path).toBe('sort');
        expect((await app.request('GET', `${API}/tour?colour=red`)).status).toBe(400);
        expect((await app.request('GET', `${API}/tour?minCost=-5`)).status).toBe(400);
        expect((await app.request('GET', `${API}/tour?minCost=1.234`)).status).toBe(400);
        expect((await app.request('GET', `${API}/tour?startFrom=yesterday`)).status).toBe(400);
        expect((await app.request('GET', `${API}/tour?limit=0`)).status).toBe(400);
        expect((await app.request('GET', `${API}/tour?limit=2.5`)).status).toBe(400);
      });
    });

    it('reads one tour by slug or id with seatsLeft from live bookings; /tours alias too', async () => {
      const created = await app.request('POST', `${API}/tour/create`, { ...as(admin), body: tourBody(dhaka.id, city.id, { title: 'Lalbagh Fort Evening', maxGuest: 12 }) });
      const tour = created.body.data;
      const future = new Date(Date.now() + 30 * 60_000);
      const past = new Date(Date.now() - 60_000);
      await insertBooking(db, { tourId: tour.id, guestCount: 3, status: 'PENDING', expiresAt: future });
      await insertBooking(db, { tourId: tour.id, guestCount: 2, status: 'COMPLETE', expiresAt: past });
      await insertBooking(db, { tourId: tour.id, guestCount: 4, status: 'PENDING', expiresAt: past });
      await insertBooking(db, { tourId: tour.id, guestCount: 5, status: 'CANCEL', expiresAt: future });
      const bySlug = await app.request('GET', `${API}/tour/lalbagh-fort-evening`);
      expect(bySlug.status).toBe(200);
      expect(bySlug.body.data).toMatchObject({ id: tour.id, seatsLeft: 7, divisionName: 'Dhaka', tourTypeName: 'City Walk' });
      expect((await app.request('GET', `${API}/tours/${tour.id}`)).body.data.seatsLeft).toBe(7);
      expect((await app.request('GET', `${API}/tour?_id=${tour.id}`)).body.data[0].seatsLeft).toBe(7);
      expect((await app.request('GET', `${API}/tour/no-such-tour`)).status).toBe(404);

      const shrink = await app.request('PATCH', `${API}/tour/${tour.id}`, { ...as(admin), body: { maxGuest: 4 } });
      expect(shrink.status).toBe(409);
      expect((await app.request('PATCH', `${API}/tour/${tour.id}`, { ...as(admin), body: { maxGuest: 5 } })).body.data.seatsLeft).toBe(0);

      const refused = await app.request('DELETE', `${API}/tour/${tour.id}`, as(admin));
      expect(refused.status).toBe(409);
      await db.dataSource.query(`UPDATE bookings SET status = 'CANCEL' WHERE tourId = ?`, [tour.id]);
      expect((await app.request('DELETE', `${API}/tours/${tour.id}`, as(admin))).status).toBe(200);
      expect((await app.request('GET', `${API}/tour/${tour.id}`)).status).toBe(404);
    });

    it('edits add images, remove the ones named (after commit), keep the slug unless asked', async () => {
      const created = await app.request('POST', `${API}/tour/create`, {
        ...as(admin),
        form: form(tourBody(chattogram.id, hills.id, { title: 'Nilgiri Sunrise' }), [
          { field: 'files', name: 'a.png', bytes: ImageMother.png(20) },
          { field: 'files', name: 'b.png', bytes: ImageMother.png(21) },
        ]),
      });
      const tour = created.body.data;
      const [first, second] = tour.images as string[];
      const firstKey = /\/files\/([^?]+)/.exec(first)![1];
      const patched = await app.request('PATCH', `${API}/tour/${tour.id}`, {
        ...as(admin),
        form: form({ title: 'Nilgiri Sunrise Camp', deleteImages: [first], costFrom: 15000 }, [{ field: 'files', name: 'c.png', bytes: ImageMother.png(22) }]),
      });
      expect(patched.status).toBe(200);
      expect(patched.body.data).toMatchObject({ title: 'Nilgiri Sunrise Camp', slug: 'nilgiri-sunrise', costFrom: 15000 });
      expect(patched.body.data.images).toHaveLength(2);
      expect(patched.body.data.images[0].split('?')[0]).toBe(second.split('?')[0]);
      expect(await storage.exists(firstKey)).toBe(false);
      expect((await download(patched.body.data.images[1])).bytes.equals(ImageMother.png(22))).toBe(true);

      const unknownImage = await app.request('PATCH', `${API}/tour/${tour.id}`, { ...as(admin), body: { deleteImages: ['tours/not-mine.png'] } });
      expect(unknownImage.status).toBe(400);
      expect(unknownImage.body.errorSources[0].path).toBe('deleteImages[0]');
      const reslugged = await app.request('PATCH', `${API}/tour/${tour.id}`, { ...as(admin), body: { regenerateSlug: true } });
      expect(reslugged.body.data.slug).toBe('nilgiri-sunrise-camp');

      const keys = (patched.body.data.images as string[]).map((u) => /\/files\/([^?]+)/.exec(u)![1]);
      expect((await app.request('DELETE', `${API}/tour/${tour.id}`, as(admin))).status).toBe(200);
      for (const key of keys) expect(await storage.exists(key)).toBe(false);
    });

    it('a division or tour type still referenced cannot be deleted (409)', async () => {
      const division = await createDivision('Moulvibazar');
      const type = await createTourType('Tea Estate');
      const tour = (await app.request('POST', `${API}/tour/create`, { ...as(admin), body: tourBody(division.id, type.id, { title: 'Lawachara Forest' }) })).body.data;
      const blocked = await app.request('DELETE', `${API}/division/${division.id}`, as(admin));
      expect(blocked.status).toBe(409);
      expect(blocked.body.code).toBe('DIVISION.IN_USE');
      expect((await app.request('DELETE', `${API}/tour/tour-types/${type.id}`, as(admin))).status).toBe(409);
      expect((await app.request('DELETE', `${API}/tour/${tour.id}`, as(admin))).status).toBe(200);
      expect((await app.request('DELETE', `${API}/division/${division.id}`, as(admin))).status).toBe(200);
      expect((await app.request('DELETE', `${API}/tour/tour-types/${type.id}`, as(admin))).status).toBe(200);
    });

    it('travellers get 403 on tour writes', async () => {
      const any = (await app.request('GET', `${API}/tour?limit=1`)).body.data[0];
      expect((await app.request('POST', `${API}/tour/create`, { ...as(traveller), body: tourBody(dhaka.id, city.id) })).status).toBe(403);
      expect((await app.request('PATCH', `${API}/tour/${any.id}`, { ...as(traveller), body: { maxGuest: 50 } })).status).toBe(403);
      expect((await app.request('DELETE', `${API}/tours/${any.id}`, as(traveller))).status).toBe(403);
    });
  });

  describe('user picture', () => {
    it('PATCH /user/:id with a multipart file stores the picture and answers its URL; the old one is deleted', async () => {
      const first = await app.request('PATCH', `${API}/user/${traveller.id}`, {
        ...as(traveller),
        form: form({ name: 'Picture Person' }, [{ field: 'file', name: 'me.png', bytes: ImageMother.png(30) }]),
      });
      expect(first.status).toBe(200);
      expect(first.body.data.name).toBe('Picture Person');
      expect((await download(first.body.data.picture)).bytes.equals(ImageMother.png(30))).toBe(true);
      const firstKey = /\/files\/([^?]+)/.exec(first.body.data.picture)![1];
      expect(firstKey).toMatch(/^users\//);
      const second = await app.request('PATCH', `${API}/user/${traveller.id}`, { ...as(traveller), form: form(undefined, [{ field: 'file', name: 'me2.png', bytes: ImageMother.png(31) }]) });
      expect(second.status).toBe(200);
      expect(await storage.exists(firstKey)).toBe(false);
      const me = await app.request('GET', `${API}/user/me`, as(traveller));
      expect((await download(me.body.data.picture)).bytes.equals(ImageMother.png(31))).toBe(true);
      const bad = await app.request('PATCH', `${API}/user/${traveller.id}`, { ...as(traveller), form: form(undefined, [{ field: 'file', name: 'cv.png', bytes: ImageMother.textPretendingToBePng() }]) });
      expect(bad.status).toBe(400);
      expect(bad.body.errorSources[0]).toEqual({ path: 'file', message: '"cv.png" is not a JPEG, PNG or WebP image' });
    });
  });

  it('the OpenAPI document lists the catalogue routes and their aliases', async () => {
    const doc = (await app.request('GET', '/openapi.json')).body;
    for (const p of ['/api/v1/tour', '/api/v1/tours', '/api/v1/tour/{slug}', '/api/v1/division/create', '/api/v1/tour/tour-types']) expect(doc.paths[p]).toBeDefined();
  });
});
