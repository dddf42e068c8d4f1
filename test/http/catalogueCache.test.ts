import type { LoggedIn} from '../support/accounts';
import { loginSuperAdmin, startAppWithSuperAdmin, verifiedUser } from '../support/accounts';
import type { TestApp } from '../support/testApp';

const API = '/api/v1';

describe('cached catalogue reads over HTTP', () => {
  let app: TestApp;
  let admin: LoggedIn;
  let traveller: LoggedIn;
  let division: { id: string };
  let tourType: { id: string };
  let tour: { id: string; slug: string };

  beforeAll(async () => {
    app = await startAppWithSuperAdmin();
    admin = await loginSuperAdmin(app);
    traveller = await verifiedUser(app, admin, { phone: '01712345678', address: 'House 1, Road 2, Dhaka' });
    division = (await app.request('POST', `${API}/division/create`, { token: admin.accessToken, body: { name: 'Chattogram' } })).body.data;
    tourType = (await app.request('POST', `${API}/tour/create-tour-type`, { token: admin.accessToken, body: { name: 'Hiking' } })).body.data;
    tour = (await createTour('Sajek Valley Escape')).body.data;
  });
  afterAll(() => app.stop());

  const createTour = (title: string) =>
    app.request('POST', `${API}/tour/create`, { token: admin.accessToken, body: { title, costFrom: 12500, maxGuest: 10, division: division.id, tourType: tourType.id } });
  const anonymous = (path: string, headers: Record<string, string> = {}) => app.request('GET', `${API}${path}`, { headers });
  const detail = async () => (await anonymous(`/tour/${tour.slug}`)).body.data;
  const listed = async () => (await anonymous('/tours?sort=title&limit=50')).body;

  test('anonymous reads carry a strong ETag and public Cache-Control; If-None-Match answers 304 without a body', async () => {
    const first = await anonymous(`/tour/${tour.slug}`);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]{32}"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=5, stale-while-revalidate=30');
    const again = await anonymous(`/tour/${tour.slug}`);
    expect([again.headers.get('etag'), again.body]).toEqual([etag, first.body]);
    const notModified = await anonymous(`/tour/${tour.slug}`, { 'if-none-match': etag! });
    expect([notModified.status, notModified.body, notModified.headers.get('etag')]).toEqual([304, '', etag]);
    expect((await anonymous('/tours/tour-types', { 'if-none-match': etag! })).status).toBe(200);
  });

  test('requests with credentials are private and never stored or answered 304', async () => {
    const etag = (await anonymous(`/tour/${tour.slug}`)).headers.get('etag')!;
    const bearer = await app.request('GET', `${API}/tour/${tour.slug}`, { token: traveller.accessToken, headers: { 'if-none-match': etag } });
    expect([bearer.status, bearer.headers.get('cache-control'), bearer.headers.get('etag')]).toEqual([200, 'private, no-store', null]);
    const cookie = await app.request('GET', `${API}/tours`, { cookies: traveller.cookies });
    expect(cookie.headers.get('cache-control')).toBe('private, no-store');
  });

  test('answers really are reused: a change made behind the repositories (no version move) is not seen', async () => {
    const before = await detail();
    await app.server.root.database.dataSource.query('UPDATE tours SET location = ? WHERE id = ?', ['Behind the back', tour.id]);
    expect((await detail()).location).toBe(before.location);
    await app.server.root.database.dataSource.query('UPDATE tours SET location = ? WHERE id = ?', [before.location, tour.id]);
  });

  test('every catalogue write through the API is seen by the next read', async () => {
    await detail();
    await listed();
    expect((await app.request('PATCH', `${API}/tour/${tour.id}`, { token: admin.accessToken, body: { title: 'Sajek Clouds' } })).status).toBe(200);
    expect((await detail()).title).toBe('Sajek Clouds');
    expect((await listed()).data.map((t: { title: string }) => t.title)).toContain('Sajek Clouds');

    expect((await app.request('PATCH', `${API}/tour/${tour.id}`, { token: admin.accessToken, body: { maxGuest: 14 } })).status).toBe(200);
    expect((await detail()).seatsLeft).toBe(14);

    expect((await app.request('PATCH', `${API}/division/${division.id}`, { token: admin.accessToken, body: { name: 'Chattogram Hills' } })).status).toBe(200);
    expect((await detail()).divisionName).toBe('Chattogram Hills');

    const types = async () => (await anonymous('/tours/tour-types')).body.data.data.map((t: { name: string }) => t.name);
    expect(await types()).toContain('Hiking');
    expect((await app.request('PATCH', `${API}/tour/tour-types/${tourType.id}`, { token: admin.accessToken, body: { name: 'Trekking' } })).status).toBe(200);
    expect(await types()).toContain('Trekking');
    expect((await detail()).tourTypeName).toBe('Trekking');

    const total = (await listed()).meta.total;
    const created = await createTour('Another Tour');
    expect((await listed()).meta.total).toBe(total + 1);
    expect((await app.request('DELETE', `${API}/tour/${created.body.data.id}`, { token: admin.accessToken })).status).toBe(200);
    expect((await listed()).meta.total).toBe(total);
    expect((await anonymous(`/tour/${created.body.data.slug}`)).status).toBe(404);
  });

  test('seats taken by a booking and given back by its cancellation are seen by the next read', async () => {
    const seats = (await detail()).seatsLeft;
    const booked = await app.request('POST', `${API}/booking`, { token: traveller.accessToken, body: { tour: tour.id, guestCount: 3 } });
    expect(booked.status).toBe(201);
    expect((await detail()).seatsLeft).toBe(seats - 3);
    const bookingId = booked.body.data.booking?._id ?? booked.body.data._id;
    const cancelled = await app.request('PATCH', `${API}/booking/${bookingId}/status`, { token: traveller.accessToken, body: { status: 'CANCEL' } });
    expect(cancelled.status).toBe(200);
    expect((await detail()).seatsLeft).toBe(seats);
  });
});
