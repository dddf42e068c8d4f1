import type { Database } from '../../src/infrastructure/persistence/Database';
import { TourMother } from '../mothers/TourMother';
import type { TestApp} from '../support/testApp';
import { startTestApp } from '../support/testApp';
import { verifiedTraveller } from '../support/travellers';

const FRONTEND = 'http://front.test';
const ADMIN = { email: 'root@tourdesk.test', password: 'R00t!password' };
const PHONE = { phone: '01712345678', address: 'House 1, Road 2, Dhaka' };

describe('bookings and payments over HTTP (sandbox gateway)', () => {
  let app: TestApp;
  let db: Database;
  let adminToken: string;
  const api = (path: string) => `/api/v1${path}`;
  const pathOf = (url: string) => { const u = new URL(url); return u.pathname + u.search; };

  beforeAll(async () => {
    app = await startTestApp({ SUPER_ADMIN_EMAIL: ADMIN.email, SUPER_ADMIN_PASSWORD: ADMIN.password, FRONTEND_URL: FRONTEND });
    db = app.server.root.database;
    adminToken = (await app.request('POST', api('/auth/login'), { body: ADMIN })).body.data.accessToken;
  });
  afterAll(async () => {
    await app.stop();
  });

  async function book(token: string, tourId: string, guestCount = 1) {
    return app.request('POST', api('/booking'), { token, body: { tour: tourId, guestCount } });
  }

  /** Clicks a button on the sandbox checkout page and returns our callback URL it redirects to. */
  async function checkout(paymentUrl: string, outcome: 'PAID' | 'FAILED' | 'CANCELLED'): Promise<string> {
    const page = await app.request('GET', pathOf(paymentUrl));
    expect(page.status).toBe(200);
    const form = new URLSearchParams({ outcome });
    const action = /action="([^"]+)"/.exec(page.body)![1].replace(/&#x3D;/g, '=');
    const done = await app.request('POST', action, { body: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(done.status).toBe(302);
    return done.headers.get('location')!;
  }

  test('a traveller without phone or address gets 400 with the exact message', async () => {
    const tour = await TourMother.insert(db);
    const user = await verifiedTraveller(app);
    const res = await book(user.token, tour.id);
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('Please Add Phone Number and Address In Your Profile For Booking!');
    expect(res.body.errorSources.map((e: { path: string }) => e.path)).toEqual(['phone', 'address']);
  });

  test('bad input names the field; an unknown tour is 404; too many guests is 400', async () => {
    const tour = await TourMother.insert(db, { maxGuest: 3 });
    const user = await verifiedTraveller(app, PHONE);
    const zero = await book(user.token, tour.id, 0);
    expect([zero.status, zero.body.errorSources[0].path]).toEqual([400, 'guestCount']);
    const text = await app.request('POST', api('/booking'), { token: user.token, body: { tour: tour.id, guestCount: 'two' } });
    expect([text.status, text.body.errorSources[0].path]).toEqual([400, 'guestCount']);
    expect((await book(user.token, 'no-such-tour')).status).toBe(404);
    expect((await book(user.token, tour.id, 4)).status).toBe(400);
    expect((await app.request('POST', api('/booking'), { body: { tour: tour.id, guestCount: 1 } })).status).toBe(401);
  });

  test('book, pay on the sandbox page, land on the front end; the payment is PAID and the booking COMPLETE', async () => {
    const tour = await TourMother.insert(db, { price: 12_500.5, maxGuest: 10 });
    const user = await verifiedTraveller(app, PHONE);
    const created = await book(user.token, tour.id, 2);
    expect(created.status).toBe(201);
    const { booking, payment, paymentUrl } = created.body.data;
    expect(booking).toEqual(expect.objectContaining({ _id: expect.any(String), status: 'PENDING', guestCount: 2, amount: 25_001, currency: 'BDT' }));
    expect(payment).toEqual(expect.objectContaining({ id: expect.any(String), transactionId: expect.any(String), status: 'UNPAID', amount: 25_001, currency: 'BDT' }));

    const callback = await checkout(paymentUrl, 'PAID');
    expect(pathOf(callback)).toMatch(/^\/api\/v1\/payment\/success\?/);
    const landed = await app.request('GET', pathOf(callback));
    expect(landed.status).toBe(302);
    const front = new URL(landed.headers.get('location')!);
    expect(front.origin + front.pathname).toBe(`${FRONTEND}/payment/success`);
    expect(Object.fromEntries(front.searchParams)).toEqual(expect.objectContaining({ transactionId: payment.transactionId, tran_id: payment.transactionId, amount: '25001.00', status: 'PAID' }));

    const paid = await app.request('GET', api(`/payment/${payment.id}`), { token: user.token });
    expect(paid.body.data).toEqual(expect.objectContaining({ _id: payment.id, status: 'PAID', amount: 25_001, currency: 'BDT', invoiceNumber: null }));
    const mine = await app.request('GET', api('/booking/my-bookings'), { token: user.token });
    expect(mine.body.meta).toEqual(expect.objectContaining({ total: 1 }));
    expect(mine.body.data[0]).toEqual(expect.objectContaining({
      _id: booking._id, status: 'COMPLETE',
      tour: expect.objectContaining({ _id: tour.id, title: tour.title, slug: tour.slug, images: ['https://img.test/a.jpg'], startDate: expect.any(String) }),
      payment: expect.objectContaining({ _id: payment.id, status: 'PAID', amount: 25_001, currency: 'BDT', transactionId: payment.transactionId, invoiceNumber: null }),
    }));
    expect(mine.body.data[0].user).toBe(user.id);

    // The outbox: invoice and confirmation email jobs, run by a worker.
    const worker = app.server.createWorker();
    await worker.drain();
    const jobs = await app.server.root.ports.jobStore.list({ limit: 100 });
    const paymentJobs = jobs.filter((j) => j.payload.paymentId === payment.id && ['IssueInvoice', 'SendBookingConfirmation'].includes(j.type)).map((j) => [j.type, j.status]).sort();
    expect(paymentJobs).toEqual([['IssueInvoice', 'done'], ['SendBookingConfirmation', 'done']]);
    const mails = (await app.mails()).filter((m) => m.includes(`To: ${user.email}`) && /Subject: Your booking for .* is confirmed/.test(m));
    expect(mails).toHaveLength(1);
    expect(await worker.drain()).toBe(0);
  });

  test('forged callbacks change nothing: made-up val_id, bare status, another payment\'s val_id, replay', async () => {
    const tour = await TourMother.insert(db, { maxGuest: 10 });
    const user = await verifiedTraveller(app, PHONE);
    const victim = (await book(user.token, tour.id)).body.data;
    const other = (await book(user.token, tour.id)).body.data;
    const trx = victim.payment.transactionId;
    const attempts = [
      `/payment/success?tran_id=${trx}&status=VALID&amount=12500.00`,
      `/payment/success?tran_id=${trx}&val_id=made-up&status=VALID`,
      `/payment/success?tran_id=${trx}&val_id=${'a'.repeat(36)}.${'0'.repeat(32)}.${'0'.repeat(64)}`,
    ];
    for (const path of attempts) {
      const res = await app.request('GET', api(path));
      expect(res.status).toBe(302);
      const front = new URL(res.headers.get('location')!);
      expect(front.pathname).toBe('/payment/fail');
      expect(front.searchParams.get('status')).toBe('UNPAID');
    }
    const ipn = await app.request('POST', api('/payment/validate-payment'), { body: `tran_id=${trx}&status=VALID&val_id=nope`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect([ipn.status, ipn.body.errorSources[0].path]).toEqual([400, 'val_id']);

    // The other booking's genuine val_id, presented for the victim's transaction.
    const othersCallback = new URL(await checkout(other.paymentUrl, 'PAID'));
    othersCallback.searchParams.set('tran_id', trx);
    await app.request('GET', pathOf(othersCallback.toString()));
    expect((await app.request('GET', api(`/payment/${victim.payment.id}`), { token: user.token })).body.data.status).toBe('UNPAID');

    // Used genuinely, then replayed: one transition, one event.
    othersCallback.searchParams.set('tran_id', other.payment.transactionId);
    await app.request('GET', pathOf(othersCallback.toString()));
    const replay = await app.request('GET', pathOf(othersCallback.toString()));
    expect(new URL(replay.headers.get('location')!).searchParams.get('status')).toBe('PAID');
    const payments = app.server.root.ports.paymentRepository;
    expect(await payments.events(other.payment.id)).toHaveLength(1);
    expect(await payments.events(victim.payment.id)).toHaveLength(0);
  });

  test('the success redirect and the IPN racing with the same val_id make one transition', async () => {
    const tour = await TourMother.insert(db, { maxGuest: 10 });
    const user = await verifiedTraveller(app, PHONE);
    const { payment, paymentUrl } = (await book(user.token, tour.id)).body.data;
    const callback = new URL(await checkout(paymentUrl, 'PAID'));
    const form = callback.searchParams.toString();
    const [redirect, ...ipns] = await Promise.all([
      app.request('GET', pathOf(callback.toString())),
      ...[1, 2, 3].map(() => app.request('POST', api('/payment/validate-payment'), { body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } })),
    ]);
    expect(new URL(redirect.headers.get('location')!).pathname).toBe('/payment/success');
    // The sandbox's val_id is single-use: whoever verifies first applies it; the others change nothing.
    expect(ipns.every((r) => r.status === 200 || r.status === 400)).toBe(true);
    const payments = app.server.root.ports.paymentRepository;
    expect(await payments.events(payment.id)).toHaveLength(1);
    expect((await payments.findById(payment.id))!.status).toBe('PAID');
  });

  test('Fail and Cancel on the sandbox page land on the front end and close the booking', async () => {
    const tour = await TourMother.insert(db, { maxGuest: 10 });
    const user = await verifiedTraveller(app, PHONE);
    for (const [outcome, page, bookingStatus, paymentStatus] of [['FAILED', 'fail', 'FAILED', 'FAILED'], ['CANCELLED', 'cancel', 'CANCEL', 'CANCELLED']] as const) {
      const { booking, payment, paymentUrl } = (await book(user.token, tour.id)).body.data;
      const landed = await app.request('POST', pathOf(await checkout(paymentUrl, outcome)));
      expect(new URL(landed.headers.get('location')!).pathname).toBe(`/payment/${page}`);
      expect((await app.request('GET', api(`/booking/${booking._id}`), { token: user.token })).body.data.status).toBe(bookingStatus);
      expect((await app.request('GET', api(`/payment/${payment.id}`), { token: user.token })).body.data.status).toBe(paymentStatus);
    }
  });

  test('detail and payment: owner or admin; others get 404; admins see the user', async () => {
    const tour = await TourMother.insert(db);
    const owner = await verifiedTraveller(app, PHONE);
    const stranger = await verifiedTraveller(app, PHONE);
    const { booking, payment } = (await book(owner.token, tour.id)).body.data;
    expect((await app.request('GET', api(`/booking/${booking._id}`), { token: stranger.token })).status).toBe(404);
    expect((await app.request('GET', api(`/payment/${payment.id}`), { token: stranger.token })).status).toBe(404);
    const asAdmin = await app.request('GET', api(`/booking/${booking._id}`), { token: adminToken });
    expect(asAdmin.body.data.user).toEqual(expect.objectContaining({ _id: owner.id, email: owner.email }));
    const asOwner = await app.request('GET', api(`/booking/${booking._id}`), { token: owner.token });
    expect(asOwner.body.data.user).toBe(owner.id);
  });

  test('status changes: the owner cancels a PENDING booking once; other moves are refused', async () => {
    const tour = await TourMother.insert(db);
    const owner = await verifiedTraveller(app, PHONE);
    const { booking } = (await book(owner.token, tour.id)).body.data;
    const complete = await app.request('PATCH', api(`/booking/${booking._id}/status`), { token: owner.token, body: { status: 'COMPLETE' } });
    expect(complete.status).toBe(403);
    const cancel = await app.request('PATCH', api(`/booking/${booking._id}/status`), { token: owner.token, body: { status: 'CANCEL' } });
    expect([cancel.status, cancel.body.data.status]).toEqual([200, 'CANCEL']);
    const again = await app.request('PATCH', api(`/booking/${booking._id}/status`), { token: adminToken, body: { status: 'COMPLETE' } });
    expect([again.status, again.body.code]).toEqual([409, 'BOOKING.INVALID_TRANSITION']);
    const bogus = await app.request('PATCH', api(`/booking/${booking._id}/status`), { token: adminToken, body: { status: 'DONE' } });
    expect([bogus.status, bogus.body.errorSources[0].path]).toEqual([400, 'status']);
    const initLate = await app.request('POST', api(`/payment/init-payment/${booking._id}`), { token: owner.token });
    expect(initLate.status).toBe(409);
  });

  test('init-payment gives a new working checkout; the superseded one refuses to take money (409) and says so', async () => {
    const tour = await TourMother.insert(db);
    const owner = await verifiedTraveller(app, PHONE);
    const { booking, payment, paymentUrl } = (await book(owner.token, tour.id)).body.data;
    const init = await app.request('POST', api(`/payment/init-payment/${booking._id}`), { token: owner.token });
    expect(init.status).toBe(200);
    expect(init.body.data.paymentUrl).not.toBe(paymentUrl);
    const stalePage = await app.request('GET', pathOf(paymentUrl));
    expect(stalePage.body).toContain('replaced by a newer one');
    const action = `${pathOf(paymentUrl)}/complete`;
    const refused = await app.request('POST', action, { body: 'outcome=PAID', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect([refused.status, refused.body.code]).toEqual([409, 'SANDBOX.SUPERSEDED']);
    await app.request('GET', pathOf(await checkout(init.body.data.paymentUrl, 'PAID')));
    expect((await app.request('GET', api(`/payment/${payment.id}`), { token: owner.token })).body.data.status).toBe('PAID');
  });

  test('money taken on a checkout before init-payment replaced it is applied when its callback arrives', async () => {
    const tour = await TourMother.insert(db);
    const owner = await verifiedTraveller(app, PHONE);
    const { booking, payment, paymentUrl } = (await book(owner.token, tour.id)).body.data;
    const delayed = await checkout(paymentUrl, 'PAID');
    expect((await app.request('POST', api(`/payment/init-payment/${booking._id}`), { token: owner.token })).status).toBe(200);
    const landed = await app.request('GET', pathOf(delayed));
    expect(new URL(landed.headers.get('location')!).pathname).toBe('/payment/success');
    const paid = (await app.request('GET', api(`/payment/${payment.id}`), { token: owner.token })).body.data;
    expect([paid.status, paid.transactionId]).toEqual(['PAID', payment.transactionId]);
    expect((await app.request('GET', api(`/booking/${booking._id}`), { token: owner.token })).body.data.status).toBe('COMPLETE');
  });

  test('admin list filters by status, tour and user; travellers may not list everyone', async () => {
    const tour = await TourMother.insert(db);
    const owner = await verifiedTraveller(app, PHONE);
    await book(owner.token, tour.id);
    await book(owner.token, tour.id);
    const list = await app.request('GET', api(`/booking?tour=${tour.id}&status=PENDING&user=${owner.id}`), { token: adminToken });
    expect(list.status).toBe(200);
    expect(list.body.meta.total).toBe(2);
    expect(list.body.data.every((b: { tour: { _id: string } }) => b.tour._id === tour.id)).toBe(true);
    expect((await app.request('GET', api('/booking'), { token: owner.token })).status).toBe(403);
    expect((await app.request('GET', api('/booking?colour=red'), { token: adminToken })).status).toBe(400);
  });

  test('40 concurrent requests for the last 10 seats sell exactly 10; the rest get 409', async () => {
    const tour = await TourMother.insert(db, { maxGuest: 50 });
    const user = await verifiedTraveller(app, PHONE);
    expect((await book(user.token, tour.id, 40)).status).toBe(201);
    const results = await Promise.all(Array.from({ length: 40 }, () => book(user.token, tour.id, 1)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(10);
    expect(results.filter((r) => r.status === 409)).toHaveLength(30);
    expect(results.find((r) => r.status === 409)!.body.code).toBe('BOOKING.NOT_ENOUGH_SEATS');
  });
});
