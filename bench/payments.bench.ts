import { performance } from 'node:perf_hooks';
import { ChangeBookingStatus } from '../src/application/bookings/ChangeBookingStatus';
import { ExpireHolds } from '../src/application/bookings/ExpireHolds';
import { ConfirmPayment } from '../src/application/payments/ConfirmPayment';
import { PaymentSettlement } from '../src/application/payments/PaymentSettlement';
import { InitPayment } from '../src/application/payments/InitPayment';
import type { SandboxOutcome } from '../src/application/ports/SandboxCheckout';
import { TypeOrmJobQueue } from '../src/infrastructure/jobs/TypeOrmJobQueue';
import { RecordingLogger } from '../test/fakes/RecordingLogger';
import { TourMother } from '../test/mothers/TourMother';
import type { DatabaseKind} from '../test/support/databases';
import { openTestDatabase } from '../test/support/databases';
import { bookingWorld, withBenchDatabases } from './bookingWorld';
import { percentile } from './support';

const PURCHASES = 1000;
const CONCURRENCY = 8;

interface Result {
  label: string;
  perSecond: number;
  p50: number;
  p99: number;
  paid: number;
  lost: number;
  retriesPer1000: number;
  exhausted: number;
  errors: string[];
}

/**
 * The mix travellers make on one tour, `concurrency` at a time: 7 in 10 pay and the browser's
 * redirect races the gateway's IPN; 1 opens a second checkout and pays there; 1 is declined;
 * 1 cancels. Meanwhile ExpireHolds sweeps the tour, as the worker does. All through the real use
 * cases on real adapters (sandbox gateway); lost = money the sandbox took that is not recorded PAID.
 */
async function measure(kind: DatabaseKind, concurrency: number): Promise<Result> {
  const t = await openTestDatabase(kind);
  try {
    const { ids, clock, uow, users, bookings, payments, gateway, checkout, travellers, createBooking: create } = await bookingWorld(t.db, 50);
    const init = new InitPayment(bookings, payments, users, checkout, clock, uow);
    const confirm = new ConfirmPayment(gateway, payments, new PaymentSettlement(gateway, payments, bookings, new TypeOrmJobQueue(t.db, ids, clock), ids, clock), uow, new RecordingLogger());
    const cancel = new ChangeBookingStatus(bookings, clock, uow);
    const expire = new ExpireHolds(bookings, clock, uow);
    const tour = await TourMother.insert(t.db, { maxGuest: PURCHASES * 2 });

    const errors: string[] = [];
    const latencies: number[] = [];
    const session = (paymentUrl: string) => decodeURIComponent(paymentUrl.split('/').at(-1)!);
    const purchase = async (i: number) => {
      const user = travellers[i % travellers.length];
      const actor = { userId: user.id, role: user.role };
      const { booking, paymentUrl } = await create.execute(actor, { tourId: tour.id, guestCount: 1 });
      if (i % 10 === 2) {
        await cancel.execute(actor, booking.id, 'CANCEL');
        return;
      }
      const url = i % 10 === 0 ? (await init.execute(actor, booking.id)).paymentUrl : paymentUrl;
      const outcome: SandboxOutcome = i % 10 === 1 ? 'FAILED' : 'PAID';
      const callback = Object.fromEntries(new URL(await gateway.complete(session(url), outcome)).searchParams);
      await Promise.all([confirm.execute({ callback, source: 'redirect' }), confirm.execute({ callback, source: 'ipn' })]);
    };

    const retriedBefore = t.db.contention.retried;
    let next = 0;
    let running = true;
    const sweeper = (async () => {
      while (running) {
        await expire.execute().catch((error: Error) => errors.push(`ExpireHolds: ${error.message}`));
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < PURCHASES) {
        const i = next++;
        const t0 = performance.now();
        try {
          await purchase(i);
        } catch (error) {
          errors.push(`${(error as { code?: string }).code ?? 'UNEXPECTED'}: ${(error as Error).message}`);
        }
        latencies.push(performance.now() - t0);
      }
    }));
    const seconds = (performance.now() - started) / 1000;
    running = false;
    await sweeper;

    const count = async (sql: string) => Number((await t.db.dataSource.query(sql))[0].n);
    const paid = await count("SELECT COUNT(*) AS n FROM payments WHERE status = 'PAID'");
    const lost = await count(`SELECT COUNT(*) AS n FROM sandbox_sessions s
      LEFT JOIN payment_attempts a ON a.transactionId = s.transactionId LEFT JOIN payments p ON p.id = a.paymentId
      WHERE s.outcome = 'PAID' AND (a.status IS NULL OR a.status <> 'PAID' OR p.status <> 'PAID')`);
    latencies.sort((a, b) => a - b);
    return {
      label: `${kind}, ${concurrency === 1 ? 'one at a time (baseline)' : `${concurrency} at once`}`,
      perSecond: PURCHASES / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), paid, lost,
      retriesPer1000: ((t.db.contention.retried - retriedBefore) / PURCHASES) * 1000, exhausted: t.db.contention.exhausted, errors,
    };
  } finally {
    await t.close();
  }
}

export async function run(): Promise<void> {
  await withBenchDatabases(async (kinds) => {
    if (!kinds.includes('mariadb')) console.log('MariaDB not available: the mixed run measures SQLite only');
    const results: Result[] = [];
    for (const kind of kinds) {
      results.push(await measure(kind, 1));
      results.push(await measure(kind, CONCURRENCY));
    }
    console.log(`\npayments bench: ${PURCHASES} purchases on one tour, mixed book-and-pay (redirect and IPN racing, re-checkouts, declines, cancels, ExpireHolds sweeping)`);
    console.table(results.map((r) => ({
      run: r.label, 'purchases/s': Math.round(r.perSecond), 'p50 ms': r.p50.toFixed(1), 'p99 ms': r.p99.toFixed(1),
      paid: r.paid, lost: r.lost, 'deadlock retries /1000': r.retriesPer1000.toFixed(1), '503 (retries exhausted)': r.exhausted, errors: r.errors.length,
    })));
    for (const r of results) for (const e of r.errors.slice(0, 5)) console.log(`  ${r.label}: ${e}`);
    const lost = results.reduce((n, r) => n + r.lost, 0);
    const failed = results.reduce((n, r) => n + r.exhausted + r.errors.length, 0);
    console.log(`lost payments: ${lost}; failed purchases: ${failed}`);
    if (lost !== 0 || failed !== 0) process.exitCode = 1;
  });
}

if (require.main === module) {
  run().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
