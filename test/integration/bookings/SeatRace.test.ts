import { CreateBooking } from '../../../src/application/bookings/CreateBooking';
import { ExpireHolds } from '../../../src/application/bookings/ExpireHolds';
import { ConfirmPayment } from '../../../src/application/payments/ConfirmPayment';
import { PaymentSettlement } from '../../../src/application/payments/PaymentSettlement';
import { PaymentCheckout } from '../../../src/application/payments/PaymentCheckout';
import { TypeOrmJobQueue } from '../../../src/infrastructure/jobs/TypeOrmJobQueue';
import { TypeOrmJobStore } from '../../../src/infrastructure/jobs/TypeOrmJobStore';
import { TypeOrmUnitOfWork } from '../../../src/infrastructure/persistence/TypeOrmUnitOfWork';
import { TypeOrmBookingRepository } from '../../../src/infrastructure/persistence/repositories/TypeOrmBookingRepository';
import { TypeOrmPaymentRepository } from '../../../src/infrastructure/persistence/repositories/TypeOrmPaymentRepository';
import { UuidIdGenerator } from '../../../src/infrastructure/system/UuidIdGenerator';
import { FakeClock } from '../../fakes/FakeClock';
import { FakePaymentGateway } from '../../fakes/FakePaymentGateway';
import { InMemoryUserRepository } from '../../fakes/InMemoryUserRepository';
import { RecordingLogger } from '../../fakes/RecordingLogger';
import { TourMother } from '../../mothers/TourMother';
import { UserMother } from '../../mothers/UserMother';
import type { TestDatabase} from '../../support/databases';
import { databaseKinds, openTestDatabase } from '../../support/databases';

const URLS = { success: 'http://api.test/s', fail: 'http://api.test/f', cancel: 'http://api.test/c', ipn: 'http://api.test/i' };

describe.each(databaseKinds())('bookings on %s', (kind) => {
  // Each test owns its database: ExpireHolds and the job list see every row there is.
  let t: TestDatabase;
  beforeEach(async () => {
    t = await openTestDatabase(kind);
  });
  afterEach(async () => {
    await t.close();
  });

  function world() {
    const clock = new FakeClock(new Date());
    const ids = new UuidIdGenerator();
    const uow = new TypeOrmUnitOfWork(t.db);
    const users = new InMemoryUserRepository();
    const bookings = new TypeOrmBookingRepository(t.db);
    const payments = new TypeOrmPaymentRepository(t.db);
    const gateway = new FakePaymentGateway();
    const jobs = new TypeOrmJobQueue(t.db, ids, clock);
    const checkout = new PaymentCheckout(gateway, payments, ids, clock, uow, URLS);
    return {
      clock, users, bookings, payments, gateway,
      store: new TypeOrmJobStore(t.db),
      create: new CreateBooking(users, bookings, payments, checkout, ids, clock, uow, 30),
      confirm: new ConfirmPayment(gateway, payments, new PaymentSettlement(gateway, payments, bookings, jobs, ids, clock), uow, new RecordingLogger()),
      expire: new ExpireHolds(bookings, clock, uow),
      async travellers(n: number) {
        const list = Array.from({ length: n }, () => UserMother.traveller());
        for (const u of list) await users.save(u);
        return list;
      },
    };
  }

  test('40 concurrent bookings for the last 10 seats sell exactly 10; the rest get NOT_ENOUGH_SEATS', async () => {
    const w = world();
    const tour = await TourMother.insert(t.db, { maxGuest: 50 });
    const [first] = await w.travellers(1);
    await w.create.execute({ userId: first.id, role: 'USER' }, { tourId: tour.id, guestCount: 40 });
    const racers = await w.travellers(40);
    const results = await Promise.allSettled(racers.map((u) => w.create.execute({ userId: u.id, role: 'USER' }, { tourId: tour.id, guestCount: 1 })));
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    expect(refused.map((r) => r.reason.code)).toEqual(Array(30).fill('BOOKING.NOT_ENOUGH_SEATS'));
    expect(await w.bookings.seatsHeld(tour.id, w.clock.now())).toBe(50);
  });

  test('mixed party sizes racing never oversell', async () => {
    const w = world();
    const tour = await TourMother.insert(t.db, { maxGuest: 17 });
    const racers = await w.travellers(30);
    const results = await Promise.allSettled(racers.map((u, i) => w.create.execute({ userId: u.id, role: 'USER' }, { tourId: tour.id, guestCount: 1 + (i % 4) })));
    const sold = results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<{ booking: { guestCount: number } }>).value.booking.guestCount);
    const held = await w.bookings.seatsHeld(tour.id, w.clock.now());
    expect(held).toBe(sold.reduce((a, b) => a + b, 0));
    expect(held).toBeLessThanOrEqual(17);
    expect(held).toBeGreaterThanOrEqual(14);
  });

  test('ExpireHolds releases lapsed seats; a payment for an EXPIRED booking is kept as PAID with refundDue', async () => {
    const w = world();
    const tour = await TourMother.insert(t.db, { maxGuest: 3 });
    const [a, b, c] = await w.travellers(3);
    const late = await w.create.execute({ userId: a.id, role: 'USER' }, { tourId: tour.id, guestCount: 2 });
    const lucky = await w.create.execute({ userId: c.id, role: 'USER' }, { tourId: tour.id, guestCount: 1 });
    w.clock.advance(31 * 60_000);
    expect((await w.expire.execute()).expired).toBe(2);
    expect((await w.bookings.findById(late.booking.id))!.status).toBe('EXPIRED');
    await w.create.execute({ userId: b.id, role: 'USER' }, { tourId: tour.id, guestCount: 2 });
    // `late`'s seats were taken: paid anyway → PAID, booking stays EXPIRED, refund due.
    await w.confirm.execute({ callback: w.gateway.pay(late.payment.transactionId), source: 'ipn' });
    const latePayment = (await w.payments.findById(late.payment.id))!;
    expect([latePayment.status, latePayment.refundDue]).toEqual(['PAID', true]);
    expect((await w.bookings.findById(late.booking.id))!.status).toBe('EXPIRED');
    expect(await w.bookings.seatsHeld(tour.id, w.clock.now())).toBe(2);
    expect((await w.bookings.findById(lucky.booking.id))!.status).toBe('EXPIRED');
  });

  test('a payment confirmed twice at once transitions once, with one event and one job of each kind', async () => {
    const w = world();
    const tour = await TourMother.insert(t.db, { maxGuest: 5 });
    const [u] = await w.travellers(1);
    const { booking, payment } = await w.create.execute({ userId: u.id, role: 'USER' }, { tourId: tour.id, guestCount: 2 });
    const callback = w.gateway.pay(payment.transactionId);
    const results = await Promise.all([1, 2, 3, 4].map((i) => w.confirm.execute({ callback, source: i === 1 ? 'redirect' : 'ipn' })));
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    expect(await w.payments.events(payment.id)).toHaveLength(1);
    expect((await w.bookings.findById(booking.id))!.status).toBe('COMPLETE');
    const jobs = await w.store.list({ limit: 100 });
    expect(jobs.map((j) => [j.type, j.payload.paymentId]).sort()).toEqual([['IssueInvoice', payment.id], ['SendBookingConfirmation', payment.id]]);
  });

  test('views carry the tour and payment; lists filter by status and user', async () => {
    const w = world();
    const tour = await TourMother.insert(t.db, { maxGuest: 5, images: ['https://img.test/x.jpg'] });
    const [u, v] = await w.travellers(2);
    const { booking } = await w.create.execute({ userId: u.id, role: 'USER' }, { tourId: tour.id, guestCount: 1 });
    await w.create.execute({ userId: v.id, role: 'USER' }, { tourId: tour.id, guestCount: 1 });
    const view = (await w.bookings.findView(booking.id))!;
    expect(view.tour).toEqual(expect.objectContaining({ id: tour.id, slug: tour.slug, images: ['https://img.test/x.jpg'] }));
    expect(view.payment).toEqual(expect.objectContaining({ status: 'UNPAID', invoiceNumber: null }));
    const mine = await w.bookings.listViews({ filters: { status: 'PENDING' }, ranges: {}, sort: [], page: 1, limit: 10 }, { userId: u.id });
    expect(mine.items.map((x) => x.booking.id)).toEqual([booking.id]);
    expect(mine.total).toBe(1);
  });
});
