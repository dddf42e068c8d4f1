import { performance } from 'node:perf_hooks';
import { dueWindows, RECONCILE_LOOKBACK_MS } from '../src/application/payments/reconcileBackoff';
import { RECONCILE_DEFAULT_OLDER_THAN_MS } from '../src/application/payments/ReconcilePayments';
import type { PaymentAttemptRow } from '../src/infrastructure/persistence/entities/PaymentEntity';
import { PaymentAttemptEntity } from '../src/infrastructure/persistence/entities/PaymentEntity';
import { TypeOrmPaymentRepository } from '../src/infrastructure/persistence/repositories/TypeOrmPaymentRepository';
import { RECONCILE_PAYMENTS_EVERY_MS, RECONCILE_PAYMENTS_PER_RUN } from '../src/interfaces/worker/startWorker';
import type { DatabaseKind } from '../test/support/databases';
import { openTestDatabase } from '../test/support/databases';
import { withBenchDatabases } from './bookingWorld';
import { percentile } from './support';

const OPEN_ATTEMPTS = Number(process.env.BENCH_OPEN_ATTEMPTS ?? 60_000);
const READS = 5;

interface Row {
  run: string;
  'rows read': number;
  'p50 ms': string;
  'max ms': string;
}

/**
 * What one reconciler run reads with `OPEN_ATTEMPTS` abandoned checkouts spread evenly over the
 * 3-day look-back (60,000: 20,000 a day): every open attempt of the window, as each worker run read
 * before the database picked the due ones (and as the CLI still does), against the due attempts of
 * a worker run 5 minutes after the previous one.
 */
async function measure(kind: DatabaseKind): Promise<Row[]> {
  const t = await openTestDatabase(kind);
  try {
    const now = Date.now();
    const spacing = RECONCILE_LOOKBACK_MS / OPEN_ATTEMPTS;
    const rows: PaymentAttemptRow[] = Array.from({ length: OPEN_ATTEMPTS }, (_, i) => {
      const createdAt = new Date(now - Math.floor(i * spacing));
      return { transactionId: `TRX-bench-${i}`, paymentId: `pay-bench-${i}`, gateway: 'sandbox', gatewayRef: null, status: 'OPEN', valId: null, paymentRef: null, supersededAt: null, settledAt: null, createdAt, updatedAt: createdAt };
    });
    const attempts = t.db.dataSource.getRepository(PaymentAttemptEntity);
    for (let i = 0; i < rows.length; i += 1000) {
      await attempts.insert(rows.slice(i, i + 1000));
      if ((i + 1000) % 10_000 === 0 || i + 1000 >= rows.length) console.log(`${kind}: ${Math.min(i + 1000, rows.length)}/${rows.length} open attempts inserted`);
    }

    const payments = new TypeOrmPaymentRepository(t.db);
    const timed = async (run: string, read: () => Promise<unknown[]>): Promise<Row> => {
      const ms: number[] = [];
      let count = 0;
      for (let i = 0; i < READS; i++) {
        const started = performance.now();
        count = (await read()).length;
        ms.push(performance.now() - started);
      }
      ms.sort((a, b) => a - b);
      return { run: `${kind}, ${run}`, 'rows read': count, 'p50 ms': percentile(ms, 50).toFixed(1), 'max ms': ms.at(-1)!.toFixed(1) };
    };
    return [
      await timed('every open attempt (before; the CLI)', () => payments.openAttempts({ windows: dueWindows(now, RECONCILE_DEFAULT_OLDER_THAN_MS, null), limit: 100_000 })),
      await timed('due on a worker run, no limit', () => payments.openAttempts({ windows: dueWindows(now, RECONCILE_DEFAULT_OLDER_THAN_MS, RECONCILE_PAYMENTS_EVERY_MS), limit: 100_000 })),
      await timed(`due on a worker run, at most ${RECONCILE_PAYMENTS_PER_RUN} (+1)`, () => payments.openAttempts({ windows: dueWindows(now, RECONCILE_DEFAULT_OLDER_THAN_MS, RECONCILE_PAYMENTS_EVERY_MS), limit: RECONCILE_PAYMENTS_PER_RUN + 1 })),
    ];
  } finally {
    await t.close();
  }
}

export async function run(): Promise<void> {
  await withBenchDatabases(async (kinds) => {
    const results: Row[] = [];
    for (const kind of kinds) results.push(...(await measure(kind)));
    console.log(`\nreconcile bench: what one reconciler run reads, ${OPEN_ATTEMPTS.toLocaleString('en')} open attempts over 3 days, median of ${READS} reads`);
    console.table(results);
  });
}

if (require.main === module) {
  run().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
