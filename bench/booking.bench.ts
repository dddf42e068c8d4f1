import { performance } from 'node:perf_hooks';
import { CreateBooking } from '../src/application/bookings/CreateBooking';
import { PaymentCheckout } from '../src/application/payments/PaymentCheckout';
import { SandboxGateway } from '../src/infrastructure/payment/SandboxGateway';
import { TypeOrmUnitOfWork } from '../src/infrastructure/persistence/TypeOrmUnitOfWork';
import { TypeOrmBookingRepository } from '../src/infrastructure/persistence/repositories/TypeOrmBookingRepository';
import { TypeOrmPaymentRepository } from '../src/infrastructure/persistence/repositories/TypeOrmPaymentRepository';
import { SystemClock } from '../src/infrastructure/system/SystemClock';
import { UuidIdGenerator } from '../src/infrastructure/system/UuidIdGenerator';
import { InMemoryUserRepository } from '../test/fakes/InMemoryUserRepository';
import { TourMother } from '../test/mothers/TourMother';
import { UserMother } from '../test/mothers/UserMother';
import { DatabaseKind, openTestDatabase } from '../test/support/databases';
import globalSetup from '../test/support/globalSetup';
import globalTeardown from '../test/support/globalTeardown';

const BOOKINGS = 200;
const CAPACITY = 150;
const URLS = { success: 'http://bench/s', fail: 'http://bench/f', cancel: 'http://bench/c', ipn: 'http://bench/i' };

interface Result {
  label: string;
  perSecond: number;
  p50: number;
  p99: number;
  sold: number;
  refused: number;
  oversold: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** `BOOKINGS` travellers book one seat each on one tour of `CAPACITY` seats, `concurrency` at a time. */
async function measure(kind: DatabaseKind, concurrency: number): Promise<Result> {
  const t = await openTestDatabase(kind);
  try {
    const ids = new UuidIdGenerator();
    const clock = new SystemClock();
    const uow = new TypeOrmUnitOfWork(t.db);
    const users = new InMemoryUserRepository();
    const bookings = new TypeOrmBookingRepository(t.db);
    const payments = new TypeOrmPaymentRepository(t.db);
    const gateway = new SandboxGateway(t.db, 'bench-secret-bench-secret-bench-secret', 'http://bench/checkout', ids, clock);
    const create = new CreateBooking(users, bookings, payments, new PaymentCheckout(gateway, payments, ids, clock, uow, URLS), ids, clock, uow, 30);
    const tour = await TourMother.insert(t.db, { maxGuest: CAPACITY });
    const travellers = Array.from({ length: BOOKINGS }, () => UserMother.traveller());
    for (const u of travellers) await users.save(u);

    const latencies: number[] = [];
    let sold = 0;
    let refused = 0;
    let next = 0;
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < travellers.length) {
        const u = travellers[next++];
        const t0 = performance.now();
        try {
          await create.execute({ userId: u.id, role: 'USER' }, { tourId: tour.id, guestCount: 1 });
          sold += 1;
        } catch (error) {
          if ((error as { code?: string }).code !== 'BOOKING.NOT_ENOUGH_SEATS') throw error;
          refused += 1;
        }
        latencies.push(performance.now() - t0);
      }
    }));
    const seconds = (performance.now() - started) / 1000;
    const held = await bookings.seatsHeld(tour.id, new Date());
    latencies.sort((a, b) => a - b);
    return {
      label: `${kind}, ${concurrency === 1 ? 'one at a time (baseline)' : `${concurrency} concurrent`}`,
      perSecond: BOOKINGS / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), sold, refused, oversold: Math.max(0, held - CAPACITY),
    };
  } finally {
    await t.close();
  }
}

export async function run(): Promise<void> {
  const ownsServices = !process.env.TEST_MYSQL_URL;
  if (ownsServices) await globalSetup();
  try {
    const kinds: DatabaseKind[] = process.env.TEST_MYSQL_URL ? ['sqlite', 'mariadb'] : ['sqlite'];
    const results: Result[] = [];
    for (const kind of kinds) {
      results.push(await measure(kind, 1));
      results.push(await measure(kind, BOOKINGS));
    }
    console.log(`\nbooking bench: ${BOOKINGS} bookings of 1 seat on one tour of ${CAPACITY} seats (CreateBooking on real adapters)`);
    console.table(results.map((r) => ({
      run: r.label, 'bookings/s': Math.round(r.perSecond), 'p50 ms': r.p50.toFixed(1), 'p99 ms': r.p99.toFixed(1), sold: r.sold, refused: r.refused, oversold: r.oversold,
    })));
    const oversold = results.reduce((n, r) => n + r.oversold, 0);
    console.log(`oversold: ${oversold}`);
    if (oversold !== 0) process.exitCode = 1;
  } finally {
    if (ownsServices) await globalTeardown();
  }
}

if (require.main === module) {
  run().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
