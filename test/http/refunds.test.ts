import type { WebhookDelivery } from '../../src/application/ports/PaymentGateway';
import type { SandboxGateway } from '../../src/infrastructure/payment/SandboxGateway';
import type { Database } from '../../src/infrastructure/persistence/Database';
import { TourMother } from '../mothers/TourMother';
import type { TestApp} from '../support/testApp';
import { startTestApp } from '../support/testApp';
import { bookAndPayOnSandbox } from '../support/sandboxPayments';
import { verifiedTraveller } from '../support/travellers';

const ADMIN = { email: 'root@tourdesk.test', password: 'R00t!password' };
const PHONE = { phone: '01712345678', address: 'House 1, Road 2, Dhaka' };

describe('refunds over HTTP (sandbox gateway)', () => {
  let app: TestApp;
  let db: Database;
  let adminToken: string;
  const api = (path: string) => `/api/v1${path}`;

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
    const { bookingId, paymentId } = await bookAndPayOnSandbox(app, user.token, tour.id, guests);
    expect((await app.request('GET', api(`/payment/${paymentId}`), { token: user.token })).body.data.status).toBe('PAID');
    return { tour, user, bookingId, paymentId };
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

describe('the webhook inbox over HTTP (sandbox gateway)', () => {
  let app: TestApp;
  let adminToken: string;
  const api = (path: string) => `/api/v1${path}`;
  const sandbox = () => app.server.root.ports.paymentGateway as SandboxGateway;

  beforeAll(async () => {
    app = await startTestApp({ SUPER_ADMIN_EMAIL: ADMIN.email, SUPER_ADMIN_PASSWORD: ADMIN.password });
    adminToken = (await app.request('POST', api('/auth/login'), { body: ADMIN })).body.data.accessToken;
  });
  afterAll(() => app.stop());

  async function paid() {
    const tour = await TourMother.insert(app.server.root.database, { price: 12_500, maxGuest: 10 });
    const user = await verifiedTraveller(app, PHONE);
    return bookAndPayOnSandbox(app, user.token, tour.id, 1);
  }
  const deliver = (delivery: WebhookDelivery, gateway = 'sandbox') =>
    app.request('POST', api(`/payment/webhook/${gateway}`), { body: delivery.rawBody.toString('utf8'), headers: delivery.headers as Record<string, string> });
  const status = async (paymentId: string) => (await app.request('GET', api(`/payment/${paymentId}`), { token: adminToken })).body.data.status;
  const inboxRows = async () => Number((await app.server.root.database.dataSource.query('SELECT COUNT(*) AS n FROM webhook_inbox'))[0].n);

  test('a refund notice confirms a pending refund once; its duplicate answers 200 and changes nothing', async () => {
    const { paymentId } = await paid();
    const pending = (await app.request('POST', api(`/payment/${paymentId}/refund`), { token: adminToken, body: { amount: 100.77, reason: 'Late' } })).body.data.refund;
    expect(await status(paymentId)).toBe('REFUND_PENDING');
    const delivery = await sandbox().webhook('refund.updated', pending._id);
    const first = await deliver(delivery);
    expect([first.status, first.body.data.duplicate, first.body.data.status]).toEqual([200, false, 'PROCESSED']);
    expect(await status(paymentId)).toBe('PARTIALLY_REFUNDED');
    const before = await inboxRows();
    const again = await deliver(delivery);
    expect([again.status, again.body.data.duplicate]).toEqual([200, true]);
    expect(await inboxRows()).toBe(before);
    const events = await app.server.root.ports.paymentRepository.events(paymentId);
    expect(events.filter((e) => e.type === 'REFUNDED')).toHaveLength(1);
  });

  test('a payment notice after a full refund is stored and never moves the payment back', async () => {
    const { paymentId, transactionId } = await paid();
    await app.request('POST', api(`/payment/${paymentId}/refund`), { token: adminToken, body: { reason: 'Cancelled' } });
    expect(await status(paymentId)).toBe('REFUNDED');
    const late = await deliver(await sandbox().webhook('payment.completed', transactionId));
    expect([late.status, late.body.data.status]).toEqual([200, 'PROCESSED']);
    expect(await status(paymentId)).toBe('REFUNDED');
  });

  test('a refund notice for a refund we have no record of is kept FAILED for a replay', async () => {
    const delivery = await sandbox().webhook('refund.updated', 'rf-not-ours');
    const res = await deliver(delivery);
    // The sandbox itself knows no such refund: verified, but nothing to act on.
    expect([res.status, res.body.data.status]).toEqual([200, 'PROCESSED']);
    const { entry } = await app.server.root.useCases.receiveWebhook.note({ kind: 'refund', eventId: `evt-ahead-${Date.now()}`, outcome: { refundId: 'rf-ahead', gatewayRefundId: 'g', state: 'COMPLETED' } }, Buffer.from('{}'));
    const replayed = await app.server.root.useCases.replayWebhook.execute(entry!.id);
    expect([replayed.status, replayed.error]).toEqual(['FAILED', expect.stringContaining('rf-ahead')]);
    const failed = await app.server.root.useCases.listWebhooks.execute({ failed: true });
    expect(failed.map((e) => e.id)).toContain(entry!.id);
  });

  test('unsigned or mis-signed deliveries are 400 and stored nowhere; another gateway is 404 "not configured"', async () => {
    const { transactionId } = await paid();
    const genuine = await sandbox().webhook('payment.completed', transactionId);
    const before = await inboxRows();
    const forged = await deliver({ ...genuine, headers: { ...genuine.headers, 'x-sandbox-signature': `sha256=${'0'.repeat(64)}` } });
    expect([forged.status, forged.body.errorSources?.[0]?.path]).toEqual([400, 'signature']);
    expect((await deliver({ ...genuine, headers: { 'content-type': 'application/json' } })).status).toBe(400);
    expect(await inboxRows()).toBe(before);
    const other = await deliver(genuine, 'stripe');
    expect([other.status, other.body.message]).toEqual([404, 'Payment gateway stripe is not configured']);
  });
});
