import type { Database } from '../../src/infrastructure/persistence/Database';
import { TourMother } from '../mothers/TourMother';
import type { DatabaseKind} from '../support/databases';
import { databaseKinds } from '../support/databases';
import { freePort } from '../support/freePort';
import type { Started, Store} from './support/paymentsFaults';
import { Shop, eventually, kill, landingPage, moneyLedger, openStore, spawnEntry, waitUntilServing } from './support/paymentsFaults';

/**
 * Holds, from another connection, what the confirmation needs before it can commit, and says how
 * the callback ends. MariaDB: the tour row; the API's transaction waits for it (we see it in
 * INNODB_TRX) and the process is killed there. SQLite: the write lock (BEGIN IMMEDIATE); the API's
 * transaction, having read, cannot upgrade, gives up after its retries with 503, and the process is
 * killed after that. Either way the gateway check has passed and nothing was committed.
 */
async function blockCommits(kind: DatabaseKind, db: Database, tourId: string) {
  if (kind === 'sqlite') {
    await db.dataSource.query('BEGIN IMMEDIATE');
    return {
      expectedEnd: 'answered 503',
      untilStuck: async () => undefined,
      release: async () => void (await db.dataSource.query('ROLLBACK')),
    };
  }
  const holder = db.dataSource.createQueryRunner();
  await holder.connect();
  await holder.startTransaction();
  await holder.query('SELECT id FROM tours WHERE id = ? FOR UPDATE', [tourId]);
  const waiting = async () => Number((await db.dataSource.query(`
    SELECT COUNT(*) AS n FROM information_schema.INNODB_TRX x JOIN information_schema.PROCESSLIST p ON p.ID = x.trx_mysql_thread_id
    WHERE x.trx_state = 'LOCK WAIT' AND p.DB = DATABASE()`))[0].n);
  return {
    expectedEnd: 'connection lost',
    untilStuck: () => eventually('the confirmation to wait for the tour lock', async () => (await waiting()) === 1),
    async release() {
      await holder.rollbackTransaction();
      await holder.release();
    },
  };
}

describe.each(databaseKinds())('the API killed after the gateway check, before the commit (%s)', (kind) => {
  let store: Store;
  let api: Started | null = null;
  let baseUrl: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    store = await openStore(kind);
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    env = { ...store.env, PORT: String(port), PUBLIC_URL: baseUrl, WORKER_IN_PROCESS: '0' };
  }, 120_000);
  afterAll(async () => {
    await kill(api);
    await store?.close();
  }, 120_000);

  async function startApi(): Promise<void> {
    api = spawnEntry('main', env);
    await waitUntilServing(baseUrl, api);
  }

  test('nothing is spent or recorded; after a restart the replayed redirect confirms the payment once, and the IPN agrees', async () => {
    await startApi();
    const db = await store.db();
    const shop = new Shop(baseUrl);
    const tour = await TourMother.insert(db, { maxGuest: 5 });
    const token = await shop.traveller(db, 'crash');
    const { booking, payment, paymentUrl } = (await shop.book(token, tour.id)).body.data;
    const callback = (await shop.sandbox(paymentUrl, 'PAID')).location!;

    const blocked = await blockCommits(kind, db, tour.id);
    const inFlight = shop.redirect(callback).then((r) => `answered ${r.status}`, () => 'connection lost');
    await blocked.untilStuck();
    if (kind === 'sqlite') await inFlight;
    await kill(api);
    expect(await inFlight).toBe(blocked.expectedEnd);
    await blocked.release();

    const one = async (sql: string, params: unknown[]) => (await db.dataSource.query(sql, params))[0];
    expect((await one('SELECT status FROM payments WHERE id = ?', [payment.id])).status).toBe('UNPAID');
    expect((await one('SELECT status FROM payment_attempts WHERE transactionId = ?', [payment.transactionId])).status).toBe('OPEN');
    expect((await one('SELECT verifiedAt FROM sandbox_sessions WHERE transactionId = ?', [payment.transactionId])).verifiedAt).toBeNull();
    expect(Number((await one('SELECT COUNT(*) AS n FROM payment_events WHERE paymentId = ?', [payment.id])).n)).toBe(0);
    expect(Number((await one('SELECT COUNT(*) AS n FROM jobs', [])).n)).toBe(0);

    await startApi();
    const replay = await shop.redirect(callback);
    expect(landingPage(replay)).toBe('/payment/success');
    expect(new URL(replay.location!).searchParams.get('status')).toBe('PAID');
    const ipn = await shop.ipn(callback);
    expect([ipn.status, ipn.body.data.status, ipn.body.data.changed]).toEqual([200, 'PAID', false]);
    expect(await moneyLedger(db)).toEqual({ taken: 1, lost: 0, paidPayments: 1, refundDue: 0, invoiceJobMismatches: 0, confirmationJobMismatches: 0 });
    expect((await one('SELECT status FROM bookings WHERE id = ?', [booking._id])).status).toBe('COMPLETE');
    expect(Number((await one('SELECT COUNT(*) AS n FROM payment_events WHERE paymentId = ?', [payment.id])).n)).toBe(1);
  }, 300_000);
});
