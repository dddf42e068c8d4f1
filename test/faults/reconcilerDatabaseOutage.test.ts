import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from 'mysql2/promise';
import { FakeSslCommerzServer } from '../fakes/FakeSslCommerzServer';
import { TourMother } from '../mothers/TourMother';
import { describeIf } from '../support/services';
import type { TestApp } from '../support/testApp';
import { startTestApp } from '../support/testApp';
import { ThrowawayMariaDb } from '../support/throwawayMariaDb';
import type { Started } from './support/paymentsFaults';
import { eventually, kill, Shop, spawnEntry } from './support/paymentsFaults';

const TASK = 'ReconcilePayments';

describeIf(ThrowawayMariaDb.available(), 'MariaDB killed in the middle of a reconciler run', () => {
  const gateway = new FakeSslCommerzServer();
  let mariadb: ThrowawayMariaDb;
  let app: TestApp;
  let sql: Connection | null = null;
  let worker: Started | null = null;
  // The app, the workers and the test share the generated secrets in one VAR_DIR.
  const varDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tourdesk-faults-'));
  const env = () => ({
    VAR_DIR: varDir, DATABASE_URL: mariadb.url, PAYMENT_GATEWAY: 'sslcommerz',
    SSLCOMMERZ_STORE_ID: gateway.storeId, SSLCOMMERZ_STORE_PASSWORD: gateway.storePassword, SSLCOMMERZ_BASE_URL: gateway.url,
  });

  beforeAll(async () => {
    await gateway.start();
    mariadb = await ThrowawayMariaDb.start();
    app = await startTestApp({ ...env(), WORKER_IN_PROCESS: '0' });
  }, 120_000);

  afterAll(async () => {
    await kill(worker);
    await sql?.end();
    await app?.stop();
    await mariadb?.destroy();
    await gateway.stop();
    fs.rmSync(varDir, { recursive: true, force: true });
  }, 120_000);

  /** The test's own connection, opened again after the outage. */
  const query = async <T>(statement: string, values: unknown[] = []): Promise<T[]> => {
    sql ??= await mariadb.connect('tourdesk');
    return (await sql.query(statement, values))[0] as T[];
  };

  test('nothing is lost or settled twice, the run leaves the shared mark where it was, the worker lives, and the next run settles the rest', async () => {
    const shop = new Shop(app.url);
    const token = await shop.traveller(app.server.root.database, 'outage-reconciler');
    const tour = await TourMother.insert(app.server.root.database, { maxGuest: 20 });
    const payments: { id: string; transactionId: string }[] = [];
    for (let i = 0; i < 10; i++) payments.push((await shop.book(token, tour.id)).body.data.payment);
    // Paid at SSLCommerz eleven minutes ago, every tab closed: only the reconciler can find them.
    for (const payment of payments) gateway.pay(payment.transactionId);
    await query('UPDATE payment_attempts SET createdAt = ? WHERE transactionId IN (?)', [new Date(Date.now() - 11 * 60_000), payments.map((p) => p.transactionId)]);
    const paid = async () => (await query<{ n: number }>("SELECT COUNT(*) AS n FROM payments WHERE status = 'PAID' AND id IN (?)", [payments.map((p) => p.id)]))[0].n;

    // At half a second a question, the run takes five: the database dies two or three answers in.
    gateway.queryDelayMs = 500;
    worker = spawnEntry('worker', { ...env(), LOG_LEVEL: 'info' });
    await eventually('the worker to settle two', async () => (await paid()) >= 2);
    await sql?.end();
    sql = null;
    await mariadb.stop('SIGKILL');
    await eventually('the worker to log the run it could not finish', async () => worker!.output().includes('payment reconciliation could not ask the gateway about every attempt'))
      .catch((error: Error) => { throw new Error(`${error.message}; the worker said:\n${worker!.output().slice(-3000)}`); });
    await mariadb.resume();

    expect(worker.child.exitCode).toBeNull();
    const settledBefore = await paid();
    expect(settledBefore).toBeLessThan(payments.length);
    // The run was cut short: no mark, so the next run asks about every open attempt, not only the due ones.
    const [run] = await query<{ startedAt: Date; markedAt: Date | null }>('SELECT startedAt, markedAt FROM periodic_runs WHERE task = ?', [TASK]);
    expect(run.markedAt).toBeNull();

    // The next run, an interval later, on the next worker (a deploy).
    await kill(worker);
    await query('UPDATE periodic_runs SET startedAt = ? WHERE task = ?', [new Date(run.startedAt.getTime() - 5 * 60_000), TASK]);
    gateway.queryDelayMs = 0;
    worker = spawnEntry('worker', env());
    await eventually('the next worker to settle the rest', async () => (await paid()) === payments.length);
    await eventually('the next run to set the mark', async () => (await query<{ markedAt: Date | null }>('SELECT markedAt FROM periodic_runs WHERE task = ?', [TASK]))[0].markedAt !== null);
    await kill(worker);

    // Each payment settled once, by the reconciler, with one invoice job and one confirmation.
    for (const payment of payments) {
      const events = await query<{ detail: string }>("SELECT detail FROM payment_events WHERE paymentId = ?", [payment.id]);
      expect(events.map((e) => JSON.parse(e.detail).source)).toEqual(['reconciler']);
      const jobs = await query<{ type: string }>('SELECT type FROM jobs WHERE payload LIKE ? ORDER BY type', [`%${payment.id}%`]);
      expect(jobs.map((j) => j.type)).toEqual(['IssueInvoice', 'SendBookingConfirmation']);
    }
  }, 300_000);
});
