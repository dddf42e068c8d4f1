import type { Database } from '../../src/infrastructure/persistence/Database';
import { BookingEntity } from '../../src/infrastructure/persistence/entities/BookingEntity';
import { FakeSslCommerzServer } from '../fakes/FakeSslCommerzServer';
import { TourMother } from '../mothers/TourMother';
import { databaseKinds } from '../support/databases';
import type { Shop} from './support/paymentsFaults';
import { landingPage, moneyLedger, useAppOnStore } from './support/paymentsFaults';

const attemptsOf = async (db: Database, paymentId: string) =>
  (await db.dataSource.query('SELECT transactionId, status, supersededAt FROM payment_attempts WHERE paymentId = ? ORDER BY createdAt, transactionId', [paymentId]))
    .map((a: { transactionId: string; status: string; supersededAt: unknown }) => [a.transactionId, a.status, a.supersededAt !== null]);
const jobsOf = async (db: Database, paymentId: string) =>
  (await db.dataSource.query('SELECT type FROM jobs WHERE payload LIKE ? ORDER BY type', [`%${paymentId}%`])).map((j: { type: string }) => j.type);
const paymentRow = async (db: Database, id: string) => (await db.dataSource.query('SELECT status, transactionId, refundDue FROM payments WHERE id = ?', [id]))[0];

describe.each(databaseKinds())('superseded checkouts (%s, sandbox gateway, HTTP)', (kind) => {
  const t = useAppOnStore(kind);
  let db: Database;
  let shop: Shop;
  let token: string;
  beforeAll(async () => {
    db = t.db();
    shop = t.shop();
    token = await shop.traveller(db, 'superseded');
  });

  async function booked(maxGuest = 5) {
    const tour = await TourMother.insert(db, { maxGuest });
    return { tour, ...(await shop.book(token, tour.id)).body.data };
  }

  test('the sandbox refuses money on a checkout init-payment replaced (409); nothing is taken there', async () => {
    const { booking, payment, paymentUrl } = await booked();
    const renewed = await shop.initPayment(token, booking._id);
    const refused = await shop.sandbox(paymentUrl, 'PAID');
    expect([refused.status, refused.body.code]).toEqual([409, 'SANDBOX.SUPERSEDED']);
    const taken = await db.dataSource.query("SELECT COUNT(*) AS n FROM sandbox_sessions WHERE paymentId = ? AND outcome IS NOT NULL", [payment.id]);
    expect(Number(taken[0].n)).toBe(0);
    expect(landingPage(await shop.redirect((await shop.sandbox(renewed.body.data.paymentUrl, 'PAID')).location!))).toBe('/payment/success');
    expect((await paymentRow(db, payment.id)).status).toBe('PAID');
  });

  test('money taken on a checkout just before init-payment replaced it is applied when its callback arrives', async () => {
    const { booking, payment, paymentUrl } = await booked();
    const late = (await shop.sandbox(paymentUrl, 'PAID')).location!;
    const renewed = await shop.initPayment(token, booking._id);
    expect(renewed.status).toBe(200);
    expect(landingPage(await shop.redirect(late))).toBe('/payment/success');
    expect(await paymentRow(db, payment.id)).toEqual(expect.objectContaining({ status: 'PAID', transactionId: payment.transactionId }));
    expect((await db.dataSource.query('SELECT status FROM bookings WHERE id = ?', [booking._id]))[0].status).toBe('COMPLETE');
    expect((await attemptsOf(db, payment.id)).map(([, status, superseded]: [string, string, boolean]) => [status, superseded])).toEqual([['PAID', true], ['OPEN', false]]);
    expect(await jobsOf(db, payment.id)).toEqual(['IssueInvoice', 'SendBookingConfirmation']);
  });

  test('paid on both checkouts: the second payment is recorded, the payment stays PAID with refundDue, one invoice', async () => {
    const { booking, payment, paymentUrl } = await booked();
    const first = (await shop.sandbox(paymentUrl, 'PAID')).location!;
    const renewed = await shop.initPayment(token, booking._id);
    await shop.redirect((await shop.sandbox(renewed.body.data.paymentUrl, 'PAID')).location!);
    const again = await shop.ipn(first);
    expect([again.status, again.body.data.changed]).toEqual([200, true]);
    const row = await paymentRow(db, payment.id);
    expect([row.status, Boolean(Number(row.refundDue))]).toEqual(['PAID', true]);
    expect((await attemptsOf(db, payment.id)).map(([, status]: [string, string]) => status)).toEqual(['PAID', 'PAID']);
    expect(await jobsOf(db, payment.id)).toEqual(['IssueInvoice', 'SendBookingConfirmation']);
    const events = await db.dataSource.query('SELECT type FROM payment_events WHERE paymentId = ? ORDER BY createdAt, type', [payment.id]);
    expect(events.map((e: { type: string }) => e.type).sort()).toEqual(['PAID', 'PAID_AGAIN']);
  });

  test('paid after the hold lapsed and the seats were sold: recorded PAID with refundDue, the booking FAILED', async () => {
    const { tour, booking, payment, paymentUrl } = await booked(1);
    const late = (await shop.sandbox(paymentUrl, 'PAID')).location!;
    await db.dataSource.createQueryBuilder().update(BookingEntity).set({ expiresAt: new Date(Date.now() - 60_000) }).where('id = :id', { id: booking._id }).execute();
    expect((await shop.book(token, tour.id)).status).toBe(201);
    expect(landingPage(await shop.redirect(late))).toBe('/payment/success');
    const row = await paymentRow(db, payment.id);
    expect([row.status, Boolean(Number(row.refundDue))]).toEqual(['PAID', true]);
    expect((await db.dataSource.query('SELECT status FROM bookings WHERE id = ?', [booking._id]))[0].status).toBe('FAILED');
    expect(await jobsOf(db, payment.id)).toEqual(['IssueInvoice']);
  });

  test('across all of the above, the gateway took no money our records do not show', async () => {
    expect(await moneyLedger(db)).toEqual(expect.objectContaining({ lost: 0, invoiceJobMismatches: 0, confirmationJobMismatches: 0, refundDue: 2 }));
  });
});

describe.each(databaseKinds())('a superseded checkout at SSLCommerz, which cannot refuse it (%s, HTTP)', (kind) => {
  const gateway = new FakeSslCommerzServer();
  const t = useAppOnStore(kind, { sslcommerz: gateway });

  test('paid on the older session: the IPN is validated and applied to the payment', async () => {
    const db = t.db();
    const shop = t.shop();
    const token = await shop.traveller(db, 'ssl');
    const tour = await TourMother.insert(db, { maxGuest: 5 });
    const { booking, payment } = (await shop.book(token, tour.id)).body.data;
    expect((await shop.initPayment(token, booking._id)).status).toBe(200);
    const fields = gateway.pay(payment.transactionId);
    const ipn = await shop.request('POST', '/api/v1/payment/validate-payment', { form: new URLSearchParams(fields).toString() });
    expect([ipn.status, ipn.body.data.status]).toEqual([200, 'PAID']);
    expect(await paymentRow(db, payment.id)).toEqual(expect.objectContaining({ status: 'PAID', transactionId: payment.transactionId }));
    expect((await db.dataSource.query('SELECT status FROM bookings WHERE id = ?', [booking._id]))[0].status).toBe('COMPLETE');
    expect(await jobsOf(db, payment.id)).toEqual(['IssueInvoice', 'SendBookingConfirmation']);
  });
});
