import { performance } from 'node:perf_hooks';
import { TourMother } from '../test/mothers/TourMother';
import type { DatabaseKind} from '../test/support/databases';
import { openTestDatabase } from '../test/support/databases';
import { bookingWorld, withBenchDatabases } from './bookingWorld';
import { percentile } from './support';

const BOOKINGS = 200;
const CAPACITY = 150;

interface Result {
  label: string;
  perSecond: number;
  p50: number;
  p99: number;
  sold: number;
  refused: number;
  oversold: number;
}

/** `BOOKINGS` travellers book one seat each on one tour of `CAPACITY` seats, `concurrency` at a time. */
async function measure(kind: DatabaseKind, concurrency: number): Promise<Result> {
  const t = await openTestDatabase(kind);
  try {
    const { bookings, travellers, createBooking: create } = await bookingWorld(t.db, BOOKINGS);
    const tour = await TourMother.insert(t.db, { maxGuest: CAPACITY });

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
  await withBenchDatabases(async (kinds) => {
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
  });
}

if (require.main === module) {
  run().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
