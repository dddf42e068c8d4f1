import { Database } from '../../src/infrastructure/persistence/Database';
import { TourMother } from '../mothers/TourMother';
import { TestApp, startTestApp } from '../support/testApp';
import { verifiedTraveller } from '../support/travellers';

const ADMIN = { email: 'root@tourdesk.test', password: 'R00t!password' };
const PHONE = { phone: '01712345678', address: 'House 1, Road 2, Dhaka' };

describe('refunds over HTTP (sandbox gateway)', () => {
  let app: TestApp;
  let db: Database;
  let adminToken: string;
  const api = (path: string) => `/api/v1${path}`;
  const pathOf = (url: string) => { const u = new URL(url); return u.pathname + u.search; };

  beforeAll(async () => {
    app = await startTestApp({ SUPER_ADMIN_EMAIL: ADMIN.email, SUPER_ADMIN_PASSWORD: ADMIN.password });
    db = app.server.root.database;
    adminToken = (await app.request('POST', api('/auth/login'), { body: ADMIN })).body.data.accessToken;
  });
  afterAll(() => app.stop());

  /** A traveller's booking of `guests` at 12,500.00 BDT, paid on the sandbox page. */
  async function paidBooking(guests = 2) {
    const tour = await TourMother.insert(db, { price: 12_500, maxGuest: 10 });
    const user = await verifiedTraveller(app, PHONE);
    const { booking, payment, paymentUrl } = (await app.request('POST', api('/booking'), { token: user.token, body: { tour: tour.id, guestCount: guests } })).body.data;
    const page = await app.request('GET', pathOf(paymentUrl));
    const action = /action="([^"]+)"/.exec(page.body)![1].replace(/&#x3D;/g, '=');
    const done = await app.request('POST', action, { body: 'outcome=PAID', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    await app.request('GET', pathOf(done.headers.get('location')!));
    expect((await app.request('GET', api(`/payment/${payment._id}`), { token: user.token })).body.data.status).toBe('PAID');
    return { tour, user, bookingId: booking._id as string, paymentId: payment._id as string };
  }

  const refund = (paymentId: string, body: Record<string, unknown>, options: { token?: string; key?: string } = {}) =>
    app.request('POST', api(`/payment/${paymentId}/refund`), { token: options.token ?? adminToken, body, headers: options.key ? { 'idempotency-key': options.key } : {} });
  const seatsLeft = async (slug: string) => (await app.request('GET', api(`/tour/${slug}`))).body.data.seatsLeft;

  test('a full refund: 200 REFUNDED, the booking is cancelled and its seats come back; a second full refund is 409', async () => {
    const { tour, user, bookingId, paymentId } = await paidBooking(2);
    expect(await seatsLeft(tour.slug)).toBe(8);
    const res = await refund(paymentId, { reason: 'Tour cancelled by the operator' });
    expect(res.status).toBe(200);
    expect(res.body.data.refund).toEqual(expect.objectContaining({ state: 'COMPLETED', amount: 25_000, currency: 'BDT', reason: 'Tour cancelled by the operator', payment: paymentId }));
    expect(res.body.data.payment).toEqual(expect.objectContaining({ status: 'REFUNDED', refundedAmount: 25_000, refundPendingAmount: 0 }));
    expect((await app.request('GET', api(`/booking/${bookingId}`), { token: user.token })).body.data.status).toBe('CANCEL');
    expect(await seatsLeft(tour.slug)).toBe(10);
    const again = await refund(paymentId, { reason: 'Twice' });
    expect([again.status, again.body.errorSources?.[0]?.message ?? again.body.message]).toEqual([409, expect.stringContaining('already refunded')]);
  });

  test('partial refunds keep the booking; more than is left is 409 and changes nothing', async () => {
    const { tour, bookingId, paymentId, user } = await paidBooking(2);
    const part = await refund(paymentId, { amount: 5_000.5, reason: 'One guest could not come' });
    expect([part.status, part.body.data.payment.status, part.body.data.refund.amount]).toEqual([200, 'PARTIALLY_REFUNDED', 5_000.5]);
    const over = await refund(paymentId, { amount: 20_000, reason: 'Too much' });
    expect(over.status).toBe(409);
    const payment = (await app.request('GET', api(`/payment/${paymentId}`), { token: user.token })).body.data;
    expect([payment.status, payment.refundedAmount]).toEqual(['PARTIALLY_REFUNDED', 5_000.5]);
    expect((await app.request('GET', api(`/booking/${bookingId}`), { token: user.token })).body.data.status).toBe('COMPLETE');
    expect(await seatsLeft(tour.slug)).toBe(8);
  });

  test('the same Idempotency-Key answers the first refund again; the gateway refunds once', async () => {
    const { paymentId } = await paidBooking(1);
    const first = await refund(paymentId, { amount: 100, reason: 'Goodwill' }, { key: 'refund-key-1' });
    const retry = await refund(paymentId, { amount: 100, reason: 'Goodwill' }, { key: 'refund-key-1' });
    expect([first.status, retry.status]).toEqual([200, 200]);
    expect(retry.body.data.refund._id).toBe(first.body.data.refund._id);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const rows = await db.dataSource.query('SELECT COUNT(*) AS n FROM sandbox_refunds WHERE transactionId = (SELECT transactionId FROM payments WHERE id = ?)', [paymentId]);
    expect(Number(rows[0].n)).toBe(1);
    expect((await refund(paymentId, { amount: 200, reason: 'Goodwill' }, { key: 'refund-key-1' })).status).toBe(409);
  });

  test('a refund the gateway confirms later is REFUND_PENDING until the reconciler asks', async () => {
    const { paymentId } = await paidBooking(1);
    const pending = await refund(paymentId, { amount: 100.77, reason: 'Late confirmation' });
    expect([pending.body.data.refund.state, pending.body.data.payment.status]).toEqual(['PENDING', 'REFUND_PENDING']);
    const report = await app.server.root.useCases.reconcilePayments.execute({ olderThanMs: 0 });
    expect(report.refunds.settled).toEqual(expect.arrayContaining([expect.objectContaining({ refundId: pending.body.data.refund._id, state: 'COMPLETED' })]));
    expect((await app.request('GET', api(`/payment/${paymentId}`), { token: adminToken })).body.data.status).toBe('PARTIALLY_REFUNDED');
  });

  test('travellers get 403, even for their own payment; no token 401; unknown payment 404', async () => {
    const { paymentId, user } = await paidBooking(1);
    expect((await refund(paymentId, { reason: 'Mine' }, { token: user.token })).status).toBe(403);
    expect((await app.request('POST', api(`/payment/${paymentId}/refund`), { body: { reason: 'x' } })).status).toBe(401);
    expect((await refund('no-such-payment', { reason: 'x' })).status).toBe(404);
  });

  test.each([
    [{ amount: 10.001, reason: 'x' }, 'amount'], [{ amount: -5, reason: 'x' }, 'amount'], [{ amount: '10', reason: 'x' }, 'amount'],
    [{ amount: 0, reason: 'x' }, 'amount'], [{ amount: 10 }, 'reason'], [{ reason: '' }, 'reason'],
  ])('bad input %j is 400 naming %s, and nothing is refunded', async (body, field) => {
    const { paymentId } = await paidBooking(1);
    const res = await refund(paymentId, body);
    expect(res.status).toBe(400);
    expect(res.body.errorSources.map((e: { path: string }) => e.path)).toContain(field);
    expect((await app.request('GET', api(`/payment/${paymentId}`), { token: adminToken })).body.data.status).toBe('PAID');
  });
});
