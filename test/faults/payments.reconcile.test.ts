import type { Database } from '../../src/infrastructure/persistence/Database';
import { PaymentAttemptEntity } from '../../src/infrastructure/persistence/entities/PaymentEntity';
import { FakeSslCommerzServer } from '../fakes/FakeSslCommerzServer';
import { TourMother } from '../mothers/TourMother';
import { databaseKinds } from '../support/databases';
import type { Shop, Started } from './support/paymentsFaults';
import { eventually, kill, moneyLedger, runAdmin, spawnEntry, useAppOnStore } from './support/paymentsFaults';

const status = async (db: Database, paymentId: string): Promise<string> => (await db.dataSource.query('SELECT status FROM payments WHERE id = ?', [paymentId]))[0].status;
const sources = async (db: Database, paymentId: string): Promise<string[]> =>
  (await db.dataSource.query('SELECT detail FROM payment_events WHERE paymentId = ?', [paymentId])).map((e: { detail: string }) => JSON.parse(e.detail).source);
const jobsOf = async (db: Database, paymentId: string): Promise<string[]> =>
  (await db.dataSource.query('SELECT type FROM jobs WHERE payload LIKE ? ORDER BY type', [`%${paymentId}%`])).map((j: { type: string }) => j.type);

describe.each(databaseKinds())('a payment whose callbacks never arrived is reconciled (%s, sandbox)', (kind) => {
  // No worker in the API: the worker process below is the one that reconciles.
  const t = useAppOnStore(kind, { env: { WORKER_IN_PROCESS: '0' } });
  let db: Database;
  let shop: Shop;
  let token: string;
  let worker: Started | null = null;
  beforeAll(async () => {
    db = t.db();
    shop = t.shop();
    token = await shop.traveller(db, 'tab-closer');
  });
  afterAll(() => kill(worker));

  /** Books, pays on the sandbox page, and closes the tab: no redirect, no IPN. */
  async function paidAndGone() {
    const tour = await TourMother.insert(db, { maxGuest: 5 });
    const { booking, payment, paymentUrl } = (await shop.book(token, tour.id)).body.data;
    expect((await shop.sandbox(paymentUrl, 'PAID')).status).toBe(302);
    return { booking, payment };
  }

  test('npm run admin -- payment reconcile --older-than 0s: settled and printed', async () => {
    const { booking, payment } = await paidAndGone();
    expect(await status(db, payment.id)).toBe('UNPAID');
    const run = await runAdmin(t.env(), ['payment', 'reconcile', '--older-than', '0s']);
    expect(run.code).toBe(0);
    expect(run.output).toContain(payment.transactionId);
    expect(run.output).toMatch(/1 open attempt\(s\) older than 0s checked: 1 settled/);
    expect(await status(db, payment.id)).toBe('PAID');
    expect((await db.dataSource.query('SELECT status FROM bookings WHERE id = ?', [booking._id]))[0].status).toBe('COMPLETE');
    expect(await sources(db, payment.id)).toEqual(['reconciler']);
    expect(await jobsOf(db, payment.id)).toEqual(['IssueInvoice', 'SendBookingConfirmation']);
  }, 300_000);

  test('the worker process reconciles attempts older than 10 minutes on its own, and leaves younger ones to their callbacks', async () => {
    const old = await paidAndGone();
    const young = await paidAndGone();
    // The traveller paid eleven minutes ago.
    await db.dataSource.createQueryBuilder().update(PaymentAttemptEntity).set({ createdAt: new Date(Date.now() - 11 * 60_000) })
      .where('transactionId = :t', { t: old.payment.transactionId }).execute();

    worker = spawnEntry('worker', t.env());
    await eventually('the worker to reconcile the old attempt', async () => (await status(db, old.payment.id)) === 'PAID');
    await kill(worker);

    expect(await sources(db, old.payment.id)).toEqual(['reconciler']);
    expect(await jobsOf(db, old.payment.id)).toEqual(['IssueInvoice', 'SendBookingConfirmation']);
    expect(await status(db, young.payment.id)).toBe('UNPAID');
    // Counted as not recorded yet: the young checkout waits for its callback, or a run in ten minutes.
    expect(await moneyLedger(db)).toEqual(expect.objectContaining({ taken: 3, lost: 1, paidPayments: 2, invoiceJobMismatches: 0 }));
  }, 300_000);
});

describe.each(databaseKinds())('reconciled through the SSLCommerz transaction query (%s)', (kind) => {
  const gateway = new FakeSslCommerzServer();
  const t = useAppOnStore(kind, { sslcommerz: gateway, env: { WORKER_IN_PROCESS: '0' } });

  test('paid at SSLCommerz with no callback: `payment reconcile` asks by tran_id and applies it; declined ones stay open', async () => {
    const db = t.db();
    const shop = t.shop();
    const token = await shop.traveller(db, 'ssl-gone');
    const tour = await TourMother.insert(db, { maxGuest: 5 });
    const paid = (await shop.book(token, tour.id)).body.data.payment;
    const declined = (await shop.book(token, tour.id)).body.data.payment;
    gateway.pay(paid.transactionId);
    gateway.decline(declined.transactionId);

    const run = await runAdmin(t.env(), ['payment', 'reconcile', '--older-than', '0s']);
    expect(run.code).toBe(0);
    expect(run.output).toMatch(/2 open attempt\(s\) older than 0s checked: 1 settled, 1 still without a verdict/);
    expect(gateway.queried).toEqual(expect.arrayContaining([paid.transactionId, declined.transactionId]));
    expect(await status(db, paid.id)).toBe('PAID');
    expect(await status(db, declined.id)).toBe('UNPAID');
    expect(await jobsOf(db, paid.id)).toEqual(['IssueInvoice', 'SendBookingConfirmation']);
  }, 300_000);
});

describe.each(databaseKinds())('the worker killed in the middle of a reconciler run (%s, SSLCommerz)', (kind) => {
  const gateway = new FakeSslCommerzServer();
  const t = useAppOnStore(kind, { sslcommerz: gateway, env: { WORKER_IN_PROCESS: '0' } });
  let worker: Started | null = null;
  afterAll(() => kill(worker));
  /** Workers run the reconciler once per interval between them: this starts one as if the last run were an interval ago. */
  const workerAnIntervalLater = async (env: Record<string, string> = {}) => {
    await t.db().dataSource.query('DELETE FROM periodic_runs');
    return spawnEntry('worker', { ...t.env(), ...env });
  };

  /** Ten checkouts paid at SSLCommerz eleven minutes ago, every tab closed: only the reconciler can find them. */
  async function tenPaidAndGone(label: string) {
    const db = t.db();
    const shop = t.shop();
    const token = await shop.traveller(db, label);
    const tour = await TourMother.insert(db, { maxGuest: 20 });
    const payments: { id: string; transactionId: string }[] = [];
    for (let i = 0; i < 10; i++) payments.push((await shop.book(token, tour.id)).body.data.payment);
    for (const payment of payments) gateway.pay(payment.transactionId);
    await db.dataSource.createQueryBuilder().update(PaymentAttemptEntity).set({ createdAt: new Date(Date.now() - 11 * 60_000) })
      .where('transactionId IN (:...ids)', { ids: payments.map((p) => p.transactionId) }).execute();
    const paid = async () => (await Promise.all(payments.map((p) => status(db, p.id)))).filter((s) => s === 'PAID').length;
    return { payments, paid };
  }

  /** A fresh worker (an interval later, unless `rightAway`), with the gateway answering at once, settles whatever is left. */
  async function settledByTheNextWorker(paid: () => Promise<number>, all: number, { rightAway = false } = {}) {
    gateway.queryDelayMs = 0;
    worker = rightAway ? spawnEntry('worker', t.env()) : await workerAnIntervalLater();
    await eventually('the next worker to settle the rest', async () => (await paid()) === all);
    await kill(worker);
  }

  test('what it settled stays settled once; the next worker settles the rest: none lost, no verdict or job twice', async () => {
    const db = t.db();
    const { payments, paid } = await tenPaidAndGone('killed-reconciler');

    gateway.queryDelayMs = 500;
    worker = await workerAnIntervalLater();
    await eventually('the first worker to settle some', async () => (await paid()) >= 2);
    await kill(worker);
    // The kill landed in the middle of the run, not after it.
    expect(await paid()).toBeLessThan(payments.length);

    await settledByTheNextWorker(paid, payments.length);

    for (const payment of payments) {
      expect(await sources(db, payment.id)).toEqual(['reconciler']);
      expect(await jobsOf(db, payment.id)).toEqual(['IssueInvoice', 'SendBookingConfirmation']);
    }
  }, 300_000);

  test('SIGTERM in the middle of a run: the worker stops before its next gateway call, gives the run back and exits 0; the next worker, started at once, settles the rest', async () => {
    const db = t.db();
    const { payments, paid } = await tenPaidAndGone('stopped-reconciler');

    // At 2 s a query, the whole run would take 20 s.
    gateway.queryDelayMs = 2000;
    worker = await workerAnIntervalLater({ LOG_LEVEL: 'info' });
    await eventually('the worker to settle one', async () => (await paid()) >= 1);
    const asked = gateway.queried.length;
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toEqual({ code: 0, signal: null });
    // It finished the call in hand and asked about nothing after it.
    expect(gateway.queried.length).toBeLessThanOrEqual(asked + 1);
    expect(await paid()).toBeLessThan(payments.length);
    expect(worker.output()).toContain('payment reconciliation ended early: the worker is stopping');

    // Not an interval later: a deploy's new worker takes the run the stopped one gave back.
    await settledByTheNextWorker(paid, payments.length, { rightAway: true });
    for (const payment of payments) expect(await jobsOf(db, payment.id)).toEqual(['IssueInvoice', 'SendBookingConfirmation']);
  }, 300_000);
});
