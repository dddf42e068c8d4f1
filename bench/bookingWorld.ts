import { CreateBooking } from '../src/application/bookings/CreateBooking';
import { PaymentCheckout } from '../src/application/payments/PaymentCheckout';
import type { Database } from '../src/infrastructure/persistence/Database';
import { SandboxGateway } from '../src/infrastructure/payment/SandboxGateway';
import { TypeOrmUnitOfWork } from '../src/infrastructure/persistence/TypeOrmUnitOfWork';
import { TypeOrmBookingRepository } from '../src/infrastructure/persistence/repositories/TypeOrmBookingRepository';
import { TypeOrmPaymentRepository } from '../src/infrastructure/persistence/repositories/TypeOrmPaymentRepository';
import { SystemClock } from '../src/infrastructure/system/SystemClock';
import { UuidIdGenerator } from '../src/infrastructure/system/UuidIdGenerator';
import { InMemoryUserRepository } from '../test/fakes/InMemoryUserRepository';
import { UserMother } from '../test/mothers/UserMother';
import type { DatabaseKind } from '../test/support/databases';
import globalSetup from '../test/support/globalSetup';
import globalTeardown from '../test/support/globalTeardown';

const URLS = { success: 'http://bench/s', fail: 'http://bench/f', cancel: 'http://bench/c', ipn: 'http://bench/i' };

/** Booking use cases on real adapters (sandbox gateway) over `db`, with `travellers` verified users kept in memory. */
export async function bookingWorld(db: Database, travellers: number) {
  const ids = new UuidIdGenerator();
  const clock = new SystemClock();
  const uow = new TypeOrmUnitOfWork(db);
  const users = new InMemoryUserRepository();
  const bookings = new TypeOrmBookingRepository(db);
  const payments = new TypeOrmPaymentRepository(db);
  const gateway = new SandboxGateway(db, 'bench-secret-bench-secret-bench-secret', 'http://bench/checkout', ids, clock);
  const checkout = new PaymentCheckout(gateway, payments, ids, clock, uow, URLS);
  const list = Array.from({ length: travellers }, () => UserMother.traveller());
  for (const u of list) await users.save(u);
  return {
    ids, clock, uow, users, bookings, payments, gateway, checkout, travellers: list,
    createBooking: new CreateBooking(users, bookings, payments, checkout, ids, clock, uow, 30),
  };
}

/**
 * Runs `work` with the databases this machine has: MariaDB from TEST_MYSQL_URL, or one started
 * (and stopped) here by the test harness when it can; SQLite always.
 */
export async function withBenchDatabases(work: (kinds: DatabaseKind[]) => Promise<void>): Promise<void> {
  const ownsServices = !process.env.TEST_MYSQL_URL;
  const before = { ...process.env };
  if (ownsServices) await globalSetup();
  try {
    await work(process.env.TEST_MYSQL_URL ? ['mariadb', 'sqlite'] : ['sqlite']);
  } finally {
    if (ownsServices) {
      await globalTeardown();
      // The harness publishes its servers in TEST_* variables: the next bench in this process must not find stopped ones.
      for (const name of Object.keys(process.env)) if (!(name in before)) delete process.env[name];
    }
  }
}
