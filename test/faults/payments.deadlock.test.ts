import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { CreateBooking } from '../../src/application/bookings/CreateBooking';
import { ConfirmPayment } from '../../src/application/payments/ConfirmPayment';
import { PaymentSettlement } from '../../src/application/payments/PaymentSettlement';
import { PaymentCheckout } from '../../src/application/payments/PaymentCheckout';
import { TypeOrmJobQueue } from '../../src/infrastructure/jobs/TypeOrmJobQueue';
import { Database } from '../../src/infrastructure/persistence/Database';
import { TypeOrmUnitOfWork } from '../../src/infrastructure/persistence/TypeOrmUnitOfWork';
import { createDataSource } from '../../src/infrastructure/persistence/createDataSource';
import { TypeOrmBookingRepository } from '../../src/infrastructure/persistence/repositories/TypeOrmBookingRepository';
import { TypeOrmPaymentRepository } from '../../src/infrastructure/persistence/repositories/TypeOrmPaymentRepository';
import { UuidIdGenerator } from '../../src/infrastructure/system/UuidIdGenerator';
import { FakeClock } from '../fakes/FakeClock';
import { FakePaymentGateway } from '../fakes/FakePaymentGateway';
import { InMemoryUserRepository } from '../fakes/InMemoryUserRepository';
import { RecordingLogger } from '../fakes/RecordingLogger';
import { TourMother } from '../mothers/TourMother';
import { UserMother } from '../mothers/UserMother';
import type { TestDatabase} from '../support/databases';
import { openTestDatabase } from '../support/databases';
import { describeIf, realService } from '../support/services';
import { eventually } from './support/paymentsFaults';

const URLS = { success: 'http://api.test/s', fail: 'http://api.test/f', cancel: 'http://api.test/c', ipn: 'http://api.test/i' };

function useCases(db: Database) {
  const clock = new FakeClock(new Date());
  const ids = new UuidIdGenerator();
  const uow = new TypeOrmUnitOfWork(db);
  const users = new InMemoryUserRepository();
  const bookings = new TypeOrmBookingRepository(db);
  const payments = new TypeOrmPaymentRepository(db);
  const gateway = new FakePaymentGateway();
  return {
    gateway, bookings,
    book: new CreateBooking(users, bookings, payments, new PaymentCheckout(gateway, payments, ids, clock, uow, URLS), ids, clock, uow, 30),
    confirm: new ConfirmPayment(gateway, payments, new PaymentSettlement(gateway, payments, bookings, new TypeOrmJobQueue(db, ids, clock), ids, clock), uow, new RecordingLogger()),
    async traveller() {
      const user = UserMother.traveller();
      await users.save(user);
      return { userId: user.id, role: 'USER' as const };
    },
  };
}

describeIf(realService('mysql'), 'MariaDB: the lock-order deadlock of issue 11, two connections, step by step', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase('mariadb');
  }, 120_000);
  afterAll(() => t?.close());

  /** Transactions of this test's database waiting for a row lock right now. */
  const lockWaits = async () => Number((await t.db.dataSource.query(`
    SELECT COUNT(*) AS n FROM information_schema.INNODB_TRX x JOIN information_schema.PROCESSLIST p ON p.ID = x.trx_mysql_thread_id
    WHERE x.trx_state = 'LOCK WAIT' AND p.DB = DATABASE()`))[0].n);
  const deadlocksSoFar = async () => Number((await t.db.dataSource.query("SHOW GLOBAL STATUS LIKE 'Innodb_deadlocks'"))[0].Value);

  test('the old confirmation order (booking row, then tour) deadlocks with a booking; InnoDB kills the booking, the unit of work runs it again and it succeeds', async () => {
    const w = useCases(t.db);
    const tour = await TourMother.insert(t.db, { maxGuest: 10 });
    const first = await w.book.execute(await w.traveller(), { tourId: tour.id, guestCount: 2 });
    const retriedBefore = t.db.contention.retried;
    const deadlocksBefore = await deadlocksSoFar();

    // Connection 1 plays the old ConfirmPayment: it wrote its payment rows first (which also makes
    // it the heavier transaction, the one InnoDB keeps), then the booking row, without the tour lock.
    const old = t.db.dataSource.createQueryRunner();
    await old.connect();
    await old.startTransaction();
    for (let i = 0; i < 20; i++) {
      await old.query("INSERT INTO payment_events (id, paymentId, bookingId, type, fromStatus, toStatus, detail, createdAt) VALUES (?, ?, ?, 'PAID', 'UNPAID', 'PAID', '{}', NOW(3))",
        [`old-${i}-${Date.now()}`, first.payment.id, first.booking.id]);
    }
    await old.query("UPDATE bookings SET status = 'COMPLETE', updatedAt = NOW(3) WHERE id = ?", [first.booking.id]);

    // Connection 2 is today's CreateBooking: tour lock first, then it counts seats and waits on that booking row.
    const second = w.book.execute(await w.traveller(), { tourId: tour.id, guestCount: 3 });
    await eventually('the booking to wait for the booking row', async () => (await lockWaits()) === 1);

    // The old late-payment settlement then locked the tour: a cycle. InnoDB rolls back the lighter transaction.
    await old.query('SELECT id FROM tours WHERE id = ? FOR UPDATE', [tour.id]);
    await old.commitTransaction();
    await old.release();

    const created = await second;
    expect(t.db.contention.retried - retriedBefore).toBe(1);
    expect(await deadlocksSoFar()).toBeGreaterThan(deadlocksBefore);
    expect((await w.bookings.findById(first.booking.id))!.status).toBe('COMPLETE');
    expect((await w.bookings.findById(created.booking.id))!.status).toBe('PENDING');
    expect(await t.db.transaction(() => w.bookings.seatsHeld(tour.id, new Date()))).toBe(5);
  });

  test('in today\'s order a confirmation and a booking meet at the tour lock and queue: no deadlock, no retry', async () => {
    const w = useCases(t.db);
    const tour = await TourMother.insert(t.db, { maxGuest: 10 });
    const pending = await w.book.execute(await w.traveller(), { tourId: tour.id, guestCount: 2 });
    const callback = w.gateway.pay(pending.payment.transactionId);
    const retriedBefore = t.db.contention.retried;

    // A third transaction holds the tour (a booking in progress) while both arrive.
    const holder = t.db.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query('SELECT id FROM tours WHERE id = ? FOR UPDATE', [tour.id]);
    const confirmation = w.confirm.execute({ callback, source: 'ipn' });
    const booking = w.book.execute(await w.traveller(), { tourId: tour.id, guestCount: 3 });
    await eventually('both to wait for the tour lock', async () => (await lockWaits()) === 2);
    await holder.commitTransaction();
    await holder.release();

    const [confirmed, booked] = await Promise.all([confirmation, booking]);
    expect([confirmed.outcome, confirmed.changed]).toEqual(['PAID', true]);
    expect(booked.booking.status).toBe('PENDING');
    expect(t.db.contention.retried - retriedBefore).toBe(0);
    expect((await w.bookings.findById(pending.booking.id))!.status).toBe('COMPLETE');
  });
});

/** Two processes on one SQLite file (the API and `npm run admin`, say), played by two connections. */
describe('SQLite: a transaction that loses to another process is run again', () => {
  let dir: string;
  let ours: Database;
  let theirs: DataSource;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tourdesk-busy-'));
    const file = path.join(dir, 'shared.sqlite');
    ours = new Database(await createDataSource({ url: null, sqliteFile: file }).initialize());
    theirs = await createDataSource({ url: null, sqliteFile: file }).initialize();
    await ours.dataSource.query('CREATE TABLE seats (id INTEGER PRIMARY KEY, held INTEGER NOT NULL)');
    await ours.dataSource.query('INSERT INTO seats (id, held) VALUES (1, 0)');
  }, 120_000);
  afterAll(async () => {
    await ours.close();
    await theirs.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  test('read, the other process commits a write, then our write is refused (SQLITE_BUSY_SNAPSHOT): retried whole, no lost update', async () => {
    let runs = 0;
    await ours.transaction(async () => {
      runs += 1;
      const [{ held }] = await ours.manager().query('SELECT held FROM seats WHERE id = 1');
      if (runs === 1) await theirs.query('UPDATE seats SET held = held + 100 WHERE id = 1');
      await ours.manager().query('UPDATE seats SET held = ? WHERE id = 1', [Number(held) + 1]);
    });
    expect(runs).toBe(2);
    expect(ours.contention.retried).toBe(1);
    expect((await ours.dataSource.query('SELECT held FROM seats WHERE id = 1'))[0].held).toBe(101);
  });
});
