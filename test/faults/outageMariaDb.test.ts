import fs from 'node:fs';
import path from 'node:path';
import { cliHarness } from '../cli/cliRuntime';
import { TourMother } from '../mothers/TourMother';
import { describeIf } from '../support/services';
import type { TestApp} from '../support/testApp';
import { startTestApp } from '../support/testApp';
import { verifiedTraveller } from '../support/travellers';
import { ThrowawayMariaDb } from '../support/throwawayMariaDb';
import { paidBooking } from './support/outagePaidBooking';
import { OutageTraffic } from './support/outageTraffic';
import type { WorkerProcess} from './support/outageWorker';
import { eventually, spawnWorker } from './support/outageWorker';

const PHONE = { phone: '01712345678', address: 'House 1, Road 2, Dhaka' };
const is2xx = (status: number) => status >= 200 && status < 300;

describeIf(ThrowawayMariaDb.available(), 'MariaDB stopped and restarted under HTTP traffic', () => {
  let mariadb: ThrowawayMariaDb;
  let app: TestApp;
  let traffic: OutageTraffic;
  let cli: ReturnType<typeof cliHarness>;
  let worker: WorkerProcess;

  beforeAll(async () => {
    mariadb = await ThrowawayMariaDb.start();
    app = await startTestApp({ DATABASE_URL: mariadb.url, DATABASE_POOL_SIZE: '4' });
    cli = cliHarness({ DATABASE_URL: mariadb.url });
    worker = spawnWorker({ DATABASE_URL: mariadb.url, VAR_DIR: app.varDir });
    await worker.ready();
    const tour = await TourMother.insert(app.server.root.database, { maxGuest: 1_000_000 });
    const travellers = await Promise.all([1, 2, 3].map(() => verifiedTraveller(app, PHONE)));
    let n = 0;
    const someone = () => travellers[n++ % travellers.length].token;
    traffic = new OutageTraffic([
      { name: 'GET /tour', send: () => app.request('GET', '/api/v1/tour?limit=5') },
      { name: 'GET /user/me', send: () => app.request('GET', '/api/v1/user/me', { token: someone() }) },
      { name: 'POST /booking', send: () => app.request('POST', '/api/v1/booking', { token: someone(), body: { tour: tour.id, guestCount: 1 } }) },
    ], 4);
  }, 120_000);

  afterAll(async () => {
    await traffic?.stop();
    await worker?.kill('SIGKILL');
    await cli?.close();
    await app?.stop();
    await mariadb?.destroy();
  });

  /** Stops MariaDB with `signal` under traffic, probes /ready and the CLI while it is down, starts it again and waits for 2xx. */
  async function outage(signal: 'SIGTERM' | 'SIGKILL') {
    const down = `down (${signal})`;
    const after = `after (${signal})`;
    await mariadb.stop(signal);
    traffic.phase = down;
    await traffic.until(`every route failing while MariaDB is down (${signal})`, traffic.seenInPhase(down, (s) => !is2xx(s), 3));
    const readyWhileDown = await app.request('GET', '/ready');
    const cliWhileDown = await cli.run('users');
    const freshCli = cliHarness({ DATABASE_URL: mariadb.url });
    const freshCliWhileDown = await freshCli.run('users');
    await freshCli.close();

    await mariadb.resume();
    const acceptingAt = traffic.now();
    traffic.phase = after;
    await traffic.until(`a 2xx on every route once MariaDB is back (${signal})`, traffic.seenInPhase(after, is2xx));
    const firstOk = Math.min(...traffic.samples.filter((s) => s.phase === after && is2xx(s.status)).map((s) => s.at));
    const failedAfter = traffic.samples.filter((s) => s.phase === after && !is2xx(s.status)).length;
    process.stderr.write(
      `[outage] MariaDB ${signal}: ${traffic.samples.filter((s) => s.phase === down).length} requests while down; first 2xx `
        + `${firstOk - acceptingAt} ms after it accepted connections again; ${failedAfter} non-2xx after that\n`,
    );
    return { readyWhileDown, cliWhileDown, freshCliWhileDown, readyAfter: await app.request('GET', '/ready'), cliAfter: await cli.run('users') };
  }

  test('answers 503 with Retry-After (never 500) while it is down, /ready names it, the CLI exits 7; then 2xx again, nothing half written, and the worker process still runs jobs', async () => {
    expect((await cli.run('users')).code).toBe(0);
    traffic.start();
    await traffic.until('a 2xx on every route before the outage', traffic.seenInPhase('before', is2xx, 3));

    for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
      const probes = await outage(signal);
      expect(probes.readyWhileDown.status).toBe(503);
      expect(probes.readyWhileDown.body.message).toBe('Not ready: database unavailable');
      for (const run of [probes.cliWhileDown, probes.freshCliWhileDown]) {
        expect(run.code).toBe(7);
        expect(run.stderr).toMatch(/^error: The database is unavailable.*\[DEPENDENCY_UNAVAILABLE\]\n$/);
      }
      expect(probes.readyAfter.status).toBe(200);
      expect(probes.cliAfter.code).toBe(0);
    }
    await traffic.stop();

    const samples = traffic.samples;
    const label = (s: (typeof samples)[number]) => `${s.phase} ${s.name} → ${s.status} ${JSON.stringify(s.body).slice(0, 200)}`;
    expect(samples.filter((s) => ![200, 201, 503].includes(s.status)).map(label)).toEqual([]);
    const unavailable = samples.filter((s) => s.status === 503);
    expect(unavailable.filter((s) => s.retryAfter !== '5' || s.code !== 'DEPENDENCY_UNAVAILABLE').map(label)).toEqual([]);

    // Nothing half written: a booking exists with its payment or not at all; every 201 is in the database.
    const sql = await mariadb.connect('tourdesk');
    try {
      const [orphanBookings] = await sql.query('SELECT b.id FROM bookings b LEFT JOIN payments p ON p.bookingId = b.id WHERE p.id IS NULL');
      const [orphanPayments] = await sql.query('SELECT p.id FROM payments p LEFT JOIN bookings b ON b.id = p.bookingId WHERE b.id IS NULL');
      expect([orphanBookings, orphanPayments]).toEqual([[], []]);
      const created = samples.filter((s) => s.status === 201).map((s) => (s.body as { data: { booking: { _id: string } } }).data.booking._id);
      expect(created.length).toBeGreaterThan(0);
      const [stored] = await sql.query('SELECT id FROM bookings WHERE id IN (?)', [created]);
      expect((stored as { id: string }[]).length).toBe(created.length);
    } finally {
      await sql.end();
    }

    // The worker process lived through both outages and still runs jobs: a payment now gets its confirmation.
    expect(worker.child.exitCode).toBeNull();
    const { paymentId } = await paidBooking(app);
    const jobs = app.server.root.ports.jobStore;
    await eventually('the worker sending the confirmation after the outages', async () =>
      (await jobs.list({ type: 'SendBookingConfirmation', status: 'done', limit: 100 })).find((j) => j.payload.paymentId === paymentId) ?? null);
    const outbox = path.join(app.varDir, 'mail');
    expect(fs.readdirSync(outbox).filter((f) => f.endsWith(`-booking-confirmation.${paymentId}.eml`))).toHaveLength(1);
  }, 180_000);
});
