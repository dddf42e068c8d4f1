import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IssueCreditNote } from '../src/application/invoices/IssueCreditNote';
import type { Logger } from '../src/application/ports/Logger';
import { TypeOrmJobQueue } from '../src/infrastructure/jobs/TypeOrmJobQueue';
import { PuppeteerPdfRenderer } from '../src/infrastructure/pdf/PuppeteerPdfRenderer';
import { locateChromium } from '../src/infrastructure/pdf/locateChromium';
import { Database } from '../src/infrastructure/persistence/Database';
import { TypeOrmUnitOfWork } from '../src/infrastructure/persistence/TypeOrmUnitOfWork';
import { createDataSource } from '../src/infrastructure/persistence/createDataSource';
import { TypeOrmBillingQueries } from '../src/infrastructure/persistence/repositories/TypeOrmBillingQueries';
import { TypeOrmCreditNoteRepository } from '../src/infrastructure/persistence/repositories/TypeOrmCreditNoteRepository';
import { TypeOrmInvoiceRepository } from '../src/infrastructure/persistence/repositories/TypeOrmInvoiceRepository';
import { TypeOrmRefundRepository } from '../src/infrastructure/persistence/repositories/TypeOrmRefundRepository';
import { NodeCryptoDigest } from '../src/infrastructure/security/NodeCryptoDigest';
import { LocalObjectStorage } from '../src/infrastructure/storage/LocalObjectStorage';
import { SystemClock } from '../src/infrastructure/system/SystemClock';
import { UuidIdGenerator } from '../src/infrastructure/system/UuidIdGenerator';
import { HandlebarsTemplateRenderer } from '../src/infrastructure/templates/HandlebarsTemplateRenderer';
import { TEMPLATES_DIR } from '../src/infrastructure/templates/templatesDir';
import { pooled, seed, timedRenderer } from './invoice.bench';
import { percentile } from './support';

/**
 * Credit notes per second through IssueCreditNote (render `templates/credit-note.hbs` on the pooled
 * Chromium + store + record under the DRAFT lease), on SQLite with a local object store.
 * `BENCH_CREDIT_NOTES` (default 300), `PDF_POOL_SIZE` (2).
 */
const NOTES = Number(process.env.BENCH_CREDIT_NOTES ?? 300);
const POOL = Number(process.env.PDF_POOL_SIZE ?? 2);
const WARM_UP = 20;
const silent: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export async function run(): Promise<void> {
  const chromium = locateChromium(process.env.CHROME_PATH || null);
  if (chromium.source === 'none') throw new Error('credit-notes bench needs Chromium (CHROME_PATH or /usr/bin/chromium)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tourdesk-credit-note-bench-'));
  const dataSource = createDataSource({ url: null, sqliteFile: path.join(dir, 'bench.sqlite') });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  const db = new Database(dataSource);
  console.log(`Chromium ${chromium.description}; page pool ${POOL}; ${os.availableParallelism()} cores; SQLite; local object store`);

  // Paid payments with an issued invoice and one completed partial refund each.
  const paymentIds = await seed(db, NOTES + WARM_UP);
  const now = new Date();
  const m = db.dataSource.manager;
  const refundIds: string[] = [];
  for (const [i, paymentId] of paymentIds.entries()) {
    const refundId = randomUUID();
    refundIds.push(refundId);
    await m.createQueryBuilder().insert().into('invoices').values({
      id: randomUUID(), paymentId, number: `INV-2026-${String(i + 1).padStart(6, '0')}`, year: 2026, sequence: i + 1, status: 'ISSUED', guestCount: 2, unitPrice: 1_250_000,
      total: 2_500_000, currency: 'BDT', objectKey: `invoices/2026/${i}.pdf`, byteSize: 1, sha256: 'a'.repeat(64), issuedAt: now, createdAt: now, updatedAt: now,
    }).execute();
    await m.createQueryBuilder().insert().into('refunds').values({
      id: refundId, paymentId, transactionId: `TXN-${paymentId.slice(0, 18)}`, paymentRef: 'bench', gateway: 'sandbox', amount: 500_025, currency: 'BDT',
      reason: 'One guest could not travel', state: 'COMPLETED', gatewayRefundId: 'bench', failureReason: null, idempotencyKey: refundId, createdAt: now, settledAt: now, updatedAt: now,
    }).execute();
  }

  const renderer = new PuppeteerPdfRenderer({ chromium, poolSize: POOL, renderTimeoutMs: 15_000, recycleAfter: 1000, logger: silent });
  const { timed, renderMs } = timedRenderer(renderer);
  const clock = new SystemClock();
  const ids = new UuidIdGenerator();
  const issue = new IssueCreditNote(
    new TypeOrmCreditNoteRepository(db), new TypeOrmRefundRepository(db), new TypeOrmInvoiceRepository(db), new TypeOrmBillingQueries(db), timed,
    new HandlebarsTemplateRenderer(TEMPLATES_DIR, { brandName: 'TourDesk' }), new LocalObjectStorage(path.join(dir, 'storage'), 'http://localhost:5000', 'b'.repeat(64), clock),
    new NodeCryptoDigest(), new TypeOrmJobQueue(db, ids, clock), ids, clock, new TypeOrmUnitOfWork(db),
    { name: 'TourDesk Travel Ltd.', address: 'House 12, Road 5, Dhanmondi, Dhaka 1205, Bangladesh' }, 30_000,
  );
  const warm = refundIds.slice(NOTES);
  await pooled(warm.length, POOL * 2, (i) => issue.execute({ refundId: warm[i] }));
  renderMs.length = 0;
  console.log(`IssueCreditNote x ${NOTES} ...`);
  const seconds = await pooled(NOTES, POOL * 2, (i) => issue.execute({ refundId: refundIds[i] }));
  const [{ n, gaps }] = await m.query("SELECT COUNT(*) AS n, MAX(sequence) - COUNT(*) AS gaps FROM credit_notes WHERE status = 'ISSUED'");
  await renderer.close();
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });

  renderMs.sort((a, b) => a - b);
  console.log(`IssueCreditNote (render + store + record): ${NOTES} credit notes in ${seconds.toFixed(1)} s = ${(NOTES / seconds).toFixed(2)} /s`);
  console.log(`render time (pool wait included): p50 ${percentile(renderMs, 50).toFixed(1)} ms, p99 ${percentile(renderMs, 99).toFixed(1)} ms`);
  console.log(`issued ${n} credit notes, numbering gaps ${gaps}`);
}
