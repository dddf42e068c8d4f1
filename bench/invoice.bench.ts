import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import puppeteer from 'puppeteer-core';
import { IssueInvoice } from '../src/application/invoices/IssueInvoice';
import { invoiceView } from '../src/application/invoices/invoiceView';
import type { Logger } from '../src/application/ports/Logger';
import type { PdfRenderer } from '../src/application/ports/PdfRenderer';
import { Invoice } from '../src/domain/invoice/Invoice';
import { InvoiceNumber } from '../src/domain/invoice/InvoiceNumber';
import { TEMPLATES_DIR } from '../src/infrastructure/templates/templatesDir';
import { TypeOrmJobQueue } from '../src/infrastructure/jobs/TypeOrmJobQueue';
import { CHROMIUM_ARGS, PuppeteerPdfRenderer } from '../src/infrastructure/pdf/PuppeteerPdfRenderer';
import { locateChromium } from '../src/infrastructure/pdf/locateChromium';
import { Database } from '../src/infrastructure/persistence/Database';
import { TypeOrmUnitOfWork } from '../src/infrastructure/persistence/TypeOrmUnitOfWork';
import { createDataSource } from '../src/infrastructure/persistence/createDataSource';
import { TypeOrmBillingQueries } from '../src/infrastructure/persistence/repositories/TypeOrmBillingQueries';
import { TypeOrmInvoiceRepository } from '../src/infrastructure/persistence/repositories/TypeOrmInvoiceRepository';
import { NodeCryptoDigest } from '../src/infrastructure/security/NodeCryptoDigest';
import { LocalObjectStorage } from '../src/infrastructure/storage/LocalObjectStorage';
import { SystemClock } from '../src/infrastructure/system/SystemClock';
import { UuidIdGenerator } from '../src/infrastructure/system/UuidIdGenerator';
import { HandlebarsTemplateRenderer } from '../src/infrastructure/templates/HandlebarsTemplateRenderer';
import { percentile } from './support';

/**
 * Invoices per second through IssueInvoice (render + store + record) on a pooled Chromium, next to
 * (a) launching a browser per PDF and (b) the raw pooled `page.pdf` limit, measured in the same run.
 * `BENCH_INVOICES` (default 2000), `BENCH_RAW_PDFS` (300), `BENCH_LAUNCH_PDFS` (8), `PDF_POOL_SIZE` (2).
 */
const INVOICES = Number(process.env.BENCH_INVOICES ?? 2000);
const RAW_PDFS = Number(process.env.BENCH_RAW_PDFS ?? 300);
const LAUNCH_PDFS = Number(process.env.BENCH_LAUNCH_PDFS ?? 8);
const POOL = Number(process.env.PDF_POOL_SIZE ?? 2);

const silent: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** `renderer` with each render's time (pool wait included) kept in `renderMs`. */
export function timedRenderer(renderer: PdfRenderer): { timed: PdfRenderer; renderMs: number[] } {
  const renderMs: number[] = [];
  const timed: PdfRenderer = {
    async render(html) {
      const started = performance.now();
      try {
        return await renderer.render(html);
      } finally {
        renderMs.push(performance.now() - started);
      }
    },
  };
  return { timed, renderMs };
}

/** Memory (MiB) of `pid` and every descendant, read from /proc: PSS, so pages shared between Chromium's processes count once. */
function treeRssMiB(pid: number | null): number {
  if (!pid) return NaN;
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  let kib = 0;
  const visit = (p: number) => {
    try {
      kib += Number(/^Pss:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${p}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    } catch {
      // the process ended while we looked
    }
    for (const child of children.get(p) ?? []) visit(child);
  };
  visit(pid);
  return kib / 1024;
}

/** Runs `work` for 0..count-1 on `concurrency` workers; each worker (`lane`) runs one item at a time. Returns seconds. */
export async function pooled<T>(count: number, concurrency: number, work: (i: number, lane: number) => Promise<T>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async (_, lane) => {
    while (next < count) await work(next++, lane);
  }));
  return (performance.now() - started) / 1000;
}

export async function seed(db: Database, count: number): Promise<string[]> {
  const m = db.dataSource.manager;
  const now = new Date();
  const user = randomUUID();
  const tour = randomUUID();
  await m.createQueryBuilder().insert().into('users').values({
    id: user, name: 'Ayesha Rahman', email: 'bench@example.com', passwordHash: null, phone: '+8801711000000', address: 'Road 7, Gulshan, Dhaka',
    picture: null, role: 'USER', status: 'ACTIVE', isVerified: true, isDeleted: false, googleId: null, createdAt: now, updatedAt: now,
  }).execute();
  await m.createQueryBuilder().insert().into('tours').values({
    id: tour, title: "Cox's Bazar Sea Beach Getaway", slug: 'coxs-bazar', description: 'Sea and sand', costFrom: 1_250_000, currency: 'BDT',
    startDate: new Date('2026-04-10T00:00:00Z'), endDate: new Date('2026-04-13T00:00:00Z'), included: '[]', excluded: '[]', amenities: '[]',
    tourPlan: '[]', images: '[]', maxGuest: 100_000, minAge: null, divisionId: randomUUID(), tourTypeId: randomUUID(), createdAt: now, updatedAt: now,
  }).execute();
  const ids = Array.from({ length: count }, () => ({ booking: randomUUID(), payment: randomUUID() }));
  for (let i = 0; i < ids.length; i += 200) {
    const chunk = ids.slice(i, i + 200);
    await m.createQueryBuilder().insert().into('bookings').values(chunk.map((c) => ({
      id: c.booking, userId: user, tourId: tour, guestCount: 2, status: 'COMPLETE', expiresAt: now, amount: 2_500_000, currency: 'BDT', createdAt: now, updatedAt: now,
    }))).execute();
    await m.createQueryBuilder().insert().into('payments').values(chunk.map((c) => ({
      id: c.payment, bookingId: c.booking, transactionId: `TXN-${c.payment.slice(0, 18)}`, amount: 2_500_000, currency: 'BDT', status: 'PAID', gateway: 'sandbox',
      gatewayRef: null, valId: null, refundDue: false, paidAt: now, confirmationSentAt: null, createdAt: now, updatedAt: now,
    }))).execute();
  }
  return ids.map((c) => c.payment);
}

export async function run(): Promise<void> {
  const chromium = locateChromium(process.env.CHROME_PATH || null);
  if (chromium.source === 'none') throw new Error('invoice bench needs Chromium (CHROME_PATH or /usr/bin/chromium)');
  const executablePath = await chromium.executablePath();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tourdesk-invoice-bench-'));
  const dataSource = createDataSource({ url: null, sqliteFile: path.join(dir, 'bench.sqlite') });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  const db = new Database(dataSource);
  const templates = new HandlebarsTemplateRenderer(TEMPLATES_DIR, { brandName: 'TourDesk' });
  const clock = new SystemClock();
  const billing = new TypeOrmBillingQueries(db);
  const seller = { name: 'TourDesk Travel Ltd.', address: 'House 12, Road 5, Dhanmondi, Dhaka 1205, Bangladesh' };
  console.log(`Chromium ${chromium.description}; page pool ${POOL}; ${os.availableParallelism()} cores; SQLite; local object store`);

  const paymentIds = await seed(db, INVOICES + 50);
  const sampleBill = (await billing.forPayment(paymentIds[0]))!;
  const sampleHtml = templates.html('invoice', invoiceView(Invoice.draft({ id: 'x', paymentId: sampleBill.paymentId, number: InvoiceNumber.of(2026, 1), now: new Date() }), sampleBill, seller));

  // (b) the raw limit: one browser, POOL pages, nothing but setContent + page.pdf.
  console.log(`seeded ${paymentIds.length} paid payments; (b) raw pooled page.pdf ...`);
  const browser: Browser = await puppeteer.launch({ executablePath, headless: true, pipe: true, args: CHROMIUM_ARGS, timeout: 120_000 });
  // The same locked-down pages the renderer uses (JS off, requests refused), without its pool, deadline or retry.
  const pages: Page[] = [];
  for (let i = 0; i < POOL; i++) {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request) => void request.abort('blockedbyclient'));
    pages.push(page);
  }
  const rawPdf = async (page: Page) => {
    await page.setContent(sampleHtml, { waitUntil: 'load', timeout: 60_000 });
    await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, timeout: 60_000 });
  };
  await Promise.all(pages.map(rawPdf));
  const rawSeconds = await pooled(RAW_PDFS, POOL, (_, lane) => rawPdf(pages[lane]));
  await browser.close();
  const rawRate = RAW_PDFS / rawSeconds;

  // (a) a new browser for every PDF, POOL at a time.
  console.log('(a) launch per PDF ...');
  const launchSeconds = await pooled(LAUNCH_PDFS, POOL, async () => {
    const b = await puppeteer.launch({ executablePath, headless: true, pipe: true, args: CHROMIUM_ARGS, timeout: 120_000 });
    try {
      const page = await b.newPage();
      await page.setJavaScriptEnabled(false);
      await page.setContent(sampleHtml, { waitUntil: 'load', timeout: 60_000 });
      await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, timeout: 60_000 });
    } finally {
      await b.close();
    }
  });
  const launchRate = LAUNCH_PDFS / launchSeconds;

  // IssueInvoice: render (pooled, locked-down renderer) + store + record, end to end.
  const renderer = new PuppeteerPdfRenderer({ chromium, poolSize: POOL, renderTimeoutMs: 15_000, recycleAfter: Number(process.env.PDF_RECYCLE_AFTER ?? 1000), logger: silent });
  const { timed, renderMs } = timedRenderer(renderer);
  const storage = new LocalObjectStorage(path.join(dir, 'storage'), 'http://localhost:5000', 'b'.repeat(64), clock);
  const ids = new UuidIdGenerator();
  const issue = new IssueInvoice(
    new TypeOrmInvoiceRepository(db), billing, timed, templates, storage, new NodeCryptoDigest(), new TypeOrmJobQueue(db, ids, clock), ids, clock, new TypeOrmUnitOfWork(db), seller, 30_000,
  );
  console.log(`IssueInvoice x ${INVOICES} ...`);
  const warmUp = paymentIds.slice(INVOICES);
  await pooled(warmUp.length, POOL * 2, (i) => issue.execute({ paymentId: warmUp[i] }));
  const memoryAfterWarmUp = treeRssMiB(renderer.browserPid());
  renderMs.length = 0;
  const samples: string[] = [];
  const issueSeconds = await pooled(INVOICES, POOL * 2, async (i) => {
    await issue.execute({ paymentId: paymentIds[i] });
    if ((i + 1) % 500 === 0) samples.push(`${i + 1}: ${treeRssMiB(renderer.browserPid()).toFixed(0)} MiB`);
  });
  const memoryAtEnd = treeRssMiB(renderer.browserPid());
  const issueRate = INVOICES / issueSeconds;
  const stats = renderer.stats();
  await renderer.close();
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });

  renderMs.sort((a, b) => a - b);
  const row = (name: string, count: number, seconds: number) =>
    `${name.padEnd(46)} ${String(count).padStart(6)} PDFs ${seconds.toFixed(1).padStart(7)} s ${(count / seconds).toFixed(2).padStart(8)} /s`;
  console.log(row('(b) raw pooled page.pdf limit', RAW_PDFS, rawSeconds));
  console.log(row('(a) launch a browser per PDF', LAUNCH_PDFS, launchSeconds));
  console.log(row('IssueInvoice (render + store + record)', INVOICES, issueSeconds));
  console.log(`IssueInvoice vs raw pooled limit: ${(issueRate / rawRate).toFixed(2)}× (target ≥ 0.8×)`);
  console.log(`IssueInvoice vs launch-per-PDF:   ${(issueRate / launchRate).toFixed(1)}× (target ≥ 25×)`);
  console.log(`render time (pool wait included): p50 ${percentile(renderMs, 50).toFixed(1)} ms, p99 ${percentile(renderMs, 99).toFixed(1)} ms`);
  console.log(`Chromium memory (PSS of the process tree): after warm-up ${memoryAfterWarmUp.toFixed(0)} MiB, after ${INVOICES} invoices ${memoryAtEnd.toFixed(0)} MiB; samples ${samples.join(', ')}`);
  console.log(`browser launches during the run: ${stats.launches} (recycle after ${process.env.PDF_RECYCLE_AFTER ?? 1000} renders), blocked requests: ${stats.blockedRequests}`);
}
