import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { loadConfig } from '../../src/infrastructure/config/Config';
import { DependencyUnavailable } from '../../src/domain/shared/errors';
import type { Root } from '../../src/infrastructure/root/buildRoot';
import { buildRoot, openDatabase } from '../../src/infrastructure/root/buildRoot';
import { TypeOrmJobQueue } from '../../src/infrastructure/jobs/TypeOrmJobQueue';
import type { Database } from '../../src/infrastructure/persistence/Database';
import { TypeOrmUnitOfWork } from '../../src/infrastructure/persistence/TypeOrmUnitOfWork';
import { SystemClock } from '../../src/infrastructure/system/SystemClock';
import { UuidIdGenerator } from '../../src/infrastructure/system/UuidIdGenerator';
import { workerDependencies } from '../../src/handOver';
import { createWorker, startWorker } from '../../src/interfaces/worker/startWorker';
import { FakePdfRenderer } from '../fakes/FakePdfRenderer';
import { describeIf, realService } from '../support/services';
import { seedPayment } from './invoices/invoiceDbKit';
import { spawnTs } from '../support/spawnTs';

const ROOT = path.resolve(__dirname, '../..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const YEAR = new Date().getUTCFullYear();

/** PAID payments with their IssueInvoice jobs queued, as ConfirmPayment leaves them. */
async function seedBatch(db: Database, count: number): Promise<string[]> {
  const queue = new TypeOrmJobQueue(db, new UuidIdGenerator(), new SystemClock());
  const uow = new TypeOrmUnitOfWork(db);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const { paymentId } = await seedPayment(db, { title: `Batch tour ${i}` });
    await uow.run(() => queue.enqueue({ type: 'IssueInvoice', payload: { paymentId }, dedupeKey: `IssueInvoice:${paymentId}` }));
    ids.push(paymentId);
  }
  return ids;
}

const invoiceRows = (db: Database) =>
  db.dataSource.manager.createQueryBuilder().from('invoices', 'i')
    .select(['i.paymentId AS paymentId', 'i.number AS number', 'i.sequence AS sequence', 'i.status AS status', 'i.sha256 AS sha256'])
    .getRawMany<{ paymentId: string; number: string; sequence: number; status: string; sha256: string }>();
const jobRows = (db: Database) =>
  db.dataSource.manager.createQueryBuilder().from('jobs', 'j').select(['j.type AS type', 'j.status AS status', 'j.leaseUntil AS leaseUntil']).getRawMany<{ type: string; status: string }>();

/** What "nothing lost" means once the work is over: per payment one ISSUED invoice, gapless numbers, every job done, every PDF mailed. */
async function expectBatchComplete(db: Database, varDir: string, paymentIds: string[]): Promise<void> {
  const invoices = await invoiceRows(db);
  expect(invoices.map((r) => r.paymentId).sort()).toEqual([...paymentIds].sort());
  expect(invoices.every((r) => r.status === 'ISSUED')).toBe(true);
  expect(invoices.map((r) => Number(r.sequence)).sort((a, b) => a - b)).toEqual(paymentIds.map((_, i) => i + 1));
  expect(invoices.every((r) => r.number.startsWith(`INV-${YEAR}-`))).toBe(true);

  const jobs = await jobRows(db);
  const count = (type: string, status: string) => jobs.filter((j) => j.type === type && j.status === status).length;
  expect(jobs.filter((j) => j.status !== 'done')).toEqual([]);
  expect([count('IssueInvoice', 'done'), count('SendInvoiceEmail', 'done')]).toEqual([paymentIds.length, paymentIds.length]);

  const mailDir = path.join(varDir, 'mail');
  const mails = await Promise.all(fs.readdirSync(mailDir).map((f) => simpleParser(fs.readFileSync(path.join(mailDir, f)))));
  const attached = mails.flatMap((m) => m.attachments.map((a) => [a.filename, sha(a.content)]));
  expect(attached.sort()).toEqual(invoices.map((r) => [`${r.number}.pdf`, r.sha256]).sort());
}

describe('stopping during a batch of invoices loses nothing', () => {
  let varDir: string;
  beforeEach(() => {
    varDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tourdesk-invoice-batch-'));
  });
  afterEach(() => fs.rmSync(varDir, { recursive: true, force: true }));

  test('in-process: the root closes (what SIGTERM runs) mid-batch; a new root finishes it', async () => {
    const env = { NODE_ENV: 'test', LOG_LEVEL: 'silent', VAR_DIR: varDir, WORKER_IN_PROCESS: '0', WORKER_CONCURRENCY: '2' };
    // Like the real renderer: closed with the root, failing renders it closes under.
    const rootWithSlowRenderer = async (): Promise<Root> => {
      const fake = new FakePdfRenderer(150);
      let closed = false;
      const refuseIfClosed = () => (closed ? Promise.reject(new DependencyUnavailable('pdf renderer', 'shut down')) : Promise.resolve());
      const root = await buildRoot(loadConfig(env), {
        ports: { pdfRenderer: { render: (html: string) => refuseIfClosed().then(() => fake.render(html)).then(async (pdf) => (await refuseIfClosed(), pdf)) } },
      });
      root.resources.onShutdown('pdf renderer', async () => {
        closed = true;
      });
      return root;
    };
    let runtime = await rootWithSlowRenderer();
    const db = runtime.database;
    const paymentIds = await seedBatch(db, 10);
    startWorker(workerDependencies(runtime), { pollMs: 20 });
    const deadline = Date.now() + 20_000;
    while ((await invoiceRows(db)).filter((r) => r.status === 'ISSUED').length === 0 && Date.now() < deadline) await sleep(20);
    await runtime.close();

    // Every claimed job ran to the end before the database closed: none is left running or half-issued.
    runtime = await rootWithSlowRenderer();
    const reopened = runtime.database;
    try {
      const afterStop = await invoiceRows(reopened);
      expect(afterStop.length).toBeGreaterThan(0);
      expect(afterStop.length).toBeLessThan(paymentIds.length);
      expect(afterStop.filter((r) => r.status !== 'ISSUED')).toEqual([]);
      expect((await jobRows(reopened)).filter((j) => j.status === 'running')).toEqual([]);

      await createWorker(workerDependencies(runtime)).drain();
      await expectBatchComplete(reopened, varDir, paymentIds);
    } finally {
      await runtime.close();
    }
  }, 60_000);

  describeIf(realService('chrome'), 'the real process (tsx src/main.ts) with Chromium', () => {
    interface Started { child: ChildProcess; output: () => string; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> }
    const children: Started[] = [];

    afterEach(async () => {
      for (const s of children.splice(0)) {
        if (s.child.exitCode === null && s.child.signalCode === null) {
          s.child.kill('SIGKILL');
          await s.exited;
        }
      }
    });

    function start(onLine: (line: Record<string, unknown>) => void): Started {
      const env = {
        PATH: process.env.PATH ?? '', NODE_ENV: 'development', LOG_LEVEL: 'info', PORT: '0', HOST: '127.0.0.1', VAR_DIR: varDir,
        WORKER_IN_PROCESS: '1', WORKER_CONCURRENCY: '2', SHUTDOWN_TIMEOUT_MS: '10000', CHROME_PATH: realService('chrome')!, PDF_POOL_SIZE: '2',
      };
      let output = '';
      let partial = '';
      const child = spawnTs('src/main.ts', { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
      const onData = (chunk: Buffer) => {
        output += chunk;
        partial += chunk;
        const lines = partial.split('\n');
        partial = lines.pop()!;
        for (const line of lines) {
          try {
            onLine(JSON.parse(line));
          } catch {
            // not a log line
          }
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (chunk) => (output += chunk));
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
      const started = { child, output: () => output, exited };
      children.push(started);
      return started;
    }

    async function until(condition: () => boolean, what: string, started: Started, ms = 60_000): Promise<void> {
      const deadline = Date.now() + ms;
      while (!condition()) {
        if (started.child.exitCode !== null) throw new Error(`process exited while waiting for ${what}:\n${started.output().slice(-4000)}`);
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${started.output().slice(-4000)}`);
        await sleep(20);
      }
    }

    test('SIGTERM while invoices are being issued: exit 0, nothing half-done; a restart issues the rest, gapless, exactly once each', async () => {
      const N = 16;
      const seeded = await openDatabase(loadConfig({ NODE_ENV: 'test', VAR_DIR: varDir }));
      const paymentIds = await seedBatch(seeded, N);
      await seeded.close();

      const issued = new Set<string>();
      const mailed = new Set<string>();
      const track = (line: Record<string, unknown>) => {
        if (line.msg === 'invoice issued') issued.add(String(line.paymentId));
        if (line.msg === 'job done' && line.type === 'SendInvoiceEmail') mailed.add(String(line.jobId));
      };
      const first = start((line) => {
        track(line);
        // the moment the first invoice is out, the rest of the batch is queued or in the worker's hands
        if (line.msg === 'invoice issued' && first.child.signalCode === null && !first.child.killed) first.child.kill('SIGTERM');
      });
      const stopped = await first.exited;
      expect({ ...stopped, output: stopped.code === 0 ? '' : first.output().slice(-4000) }).toEqual({ code: 0, signal: null, output: '' });
      expect(first.output()).toContain('signal received: shutting down');
      expect(first.output()).toContain('"msg":"shut down"');
      expect(issued.size).toBeGreaterThan(0);
      expect(issued.size).toBeLessThan(N);

      const between = await openDatabase(loadConfig({ NODE_ENV: 'test', VAR_DIR: varDir }));
      try {
        expect((await jobRows(between)).filter((j) => j.status === 'running')).toEqual([]);
        expect((await invoiceRows(between)).filter((r) => r.status !== 'ISSUED')).toEqual([]);
      } finally {
        await between.close();
      }

      const second = start(track);
      await until(() => issued.size === N && mailed.size === N, `${N} invoices issued and mailed`, second);
      second.child.kill('SIGTERM');
      expect((await second.exited).code).toBe(0);

      const db = await openDatabase(loadConfig({ NODE_ENV: 'test', VAR_DIR: varDir }));
      try {
        await expectBatchComplete(db, varDir, paymentIds);
      } finally {
        await db.close();
      }
    }, 180_000);
  });
});
