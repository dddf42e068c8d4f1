import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Database } from '../../../src/infrastructure/persistence/Database';
import { createDataSource } from '../../../src/infrastructure/persistence/createDataSource';
import type { DatabaseKind } from '../../support/databases';
import type { FakeSslCommerzServer } from '../../fakes/FakeSslCommerzServer';
import { createMysqlDatabase } from '../../support/services';
import { spawnTs } from '../../support/spawnTs';
import type { TestApp} from '../../support/testApp';
import { startTestApp } from '../../support/testApp';

const ROOT = path.resolve(__dirname, '../../..');
export const PHONE = { phone: '01712345678', address: 'House 1, Road 2, Dhaka' };
const GENEROUS_LIMITS = { RATE_LIMIT_LOGIN_PER_MINUTE: '100000', RATE_LIMIT_OTP_PER_MINUTE: '100000', RATE_LIMIT_LOGIN_PER_EMAIL: '100000' };

/** Where a fault test keeps its data: a fresh MariaDB database, or a SQLite file in a VAR_DIR every process of the test shares. */
export interface Store {
  kind: DatabaseKind;
  /** What an app, worker or admin process needs to reach the same data (and the same generated secrets). */
  env: Record<string, string>;
  varDir: string;
  /** The test's own connection, for setting up rows and counting what happened. */
  db(): Promise<Database>;
  close(): Promise<void>;
}

export async function openStore(kind: DatabaseKind): Promise<Store> {
  const varDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tourdesk-faults-'));
  const mysql = kind === 'mariadb' ? await createMysqlDatabase() : null;
  let db: Database | null = null;
  return {
    kind,
    varDir,
    env: { VAR_DIR: varDir, ...(mysql ? { DATABASE_URL: mysql.url } : {}) },
    async db() {
      if (!db) {
        const dataSource = createDataSource({ url: mysql?.url ?? null, sqliteFile: path.join(varDir, 'tourdesk.sqlite'), poolSize: 5 });
        await dataSource.initialize();
        await dataSource.runMigrations({ transaction: 'each' });
        db = new Database(dataSource);
      }
      return db;
    },
    async close() {
      await db?.close();
      await mysql?.drop();
      fs.rmSync(varDir, { recursive: true, force: true });
    },
  };
}

/** The app in this process on the store's data, with its worker in-process unless `env` says otherwise. */
export async function startAppOn(store: Store, env: Record<string, string> = {}): Promise<TestApp> {
  return startTestApp({ ...store.env, WORKER_IN_PROCESS: '1', ...env });
}

/**
 * Inside a describe block: a store of `kind` and the app on it, opened before the block's tests and
 * closed after. With `sslcommerz`, that fake server is started and the app (and `env`, for other
 * processes) is configured to use it instead of the sandbox.
 */
export function useAppOnStore(kind: DatabaseKind, options: { env?: Record<string, string>; sslcommerz?: FakeSslCommerzServer } = {}) {
  let store: Store | null = null;
  let app: TestApp | null = null;
  const gateway = options.sslcommerz;
  const gatewayEnv = (): Record<string, string> => gateway
    ? { PAYMENT_GATEWAY: 'sslcommerz', SSLCOMMERZ_STORE_ID: gateway.storeId, SSLCOMMERZ_STORE_PASSWORD: gateway.storePassword, SSLCOMMERZ_BASE_URL: gateway.url }
    : {};
  beforeAll(async () => {
    await gateway?.start();
    store = await openStore(kind);
    app = await startAppOn(store, { ...gatewayEnv(), ...options.env });
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
    await store?.close();
    await gateway?.stop();
  }, 120_000);
  const opened = () => {
    if (!store || !app) throw new Error('the fault test app is not started yet');
    return { store, app };
  };
  return {
    app: () => opened().app,
    db: () => opened().app.server.root.database,
    shop: () => new Shop(opened().app.url),
    /** What another process (worker, admin CLI) needs to work on the same data with the same gateway. */
    env: () => ({ ...opened().store.env, ...gatewayEnv() }),
  };
}

export interface Reply {
  status: number;
  body: any;
  location: string | null;
}

/** A traveller's and a gateway's requests over HTTP against one running app. */
export class Shop {
  constructor(readonly baseUrl: string) {}

  async request(method: string, route: string, options: { token?: string; json?: unknown; form?: string } = {}): Promise<Reply> {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.form !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = options.form;
    }
    const url = new URL(route, this.baseUrl);
    const response = await fetch(`${this.baseUrl}${url.pathname}${url.search}`, { method, headers, body, redirect: 'manual' });
    const text = await response.text();
    const json = (response.headers.get('content-type') ?? '').includes('json') && text ? JSON.parse(text) : text;
    return { status: response.status, body: json, location: response.headers.get('location') };
  }

  /** Registers over HTTP, is verified by the test (as an admin would), and logs in. */
  async traveller(db: Database, label: string): Promise<string> {
    const email = `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
    const password = 'Str0ng!pass';
    const registered = await this.request('POST', '/api/v1/user/register', { json: { name: `Buyer ${label}`, email, password, ...PHONE } });
    if (registered.status !== 201) throw new Error(`register failed: ${registered.status} ${JSON.stringify(registered.body)}`);
    await db.dataSource.query('UPDATE users SET isVerified = 1 WHERE id = ?', [registered.body.data._id]);
    const login = await this.request('POST', '/api/v1/auth/login', { json: { email, password } });
    if (login.status !== 200) throw new Error(`login failed: ${login.status} ${JSON.stringify(login.body)}`);
    return login.body.data.accessToken;
  }

  book(token: string, tourId: string, guestCount = 1): Promise<Reply> {
    return this.request('POST', '/api/v1/booking', { token, json: { tour: tourId, guestCount } });
  }

  initPayment(token: string, bookingId: string): Promise<Reply> {
    return this.request('POST', `/api/v1/payment/init-payment/${bookingId}`, { token });
  }

  /** The customer's button on the sandbox checkout; the gateway's 302 points at our callback. */
  sandbox(paymentUrl: string, outcome: 'PAID' | 'FAILED' | 'CANCELLED'): Promise<Reply> {
    return this.request('POST', `${new URL(paymentUrl).pathname}/complete`, { form: `outcome=${outcome}` });
  }

  /** The browser following the gateway's redirect to our callback. */
  redirect(callbackUrl: string): Promise<Reply> {
    return this.request('GET', callbackUrl);
  }

  /** The gateway's server-to-server notice for the same checkout. */
  ipn(callbackUrl: string): Promise<Reply> {
    return this.request('POST', '/api/v1/payment/validate-payment', { form: new URL(callbackUrl).searchParams.toString() });
  }
}

export function landingPage(reply: Reply): string {
  return reply.location ? new URL(reply.location).pathname : `(no redirect: ${reply.status})`;
}

const count = async (db: Database, sql: string, params: unknown[] = []): Promise<number> => Number((await db.dataSource.query(sql, params))[0].n);

/** Money as the database and the outbox record it: what the gateway took, what we recorded, what work was queued. */
export interface MoneyLedger {
  /** Checkouts the sandbox gateway took money on. */
  taken: number;
  /** Of those, money our records do not show as paid: must be 0. */
  lost: number;
  paidPayments: number;
  refundDue: number;
  /** PAID payments without exactly one IssueInvoice job, and IssueInvoice jobs of payments that are not PAID. */
  invoiceJobMismatches: number;
  /** COMPLETE bookings without exactly one SendBookingConfirmation job, and such jobs for other bookings. */
  confirmationJobMismatches: number;
}

export async function moneyLedger(db: Database): Promise<MoneyLedger> {
  const taken = await count(db, "SELECT COUNT(*) AS n FROM sandbox_sessions WHERE outcome = 'PAID'");
  const lost = await count(db, `
    SELECT COUNT(*) AS n FROM sandbox_sessions s
    LEFT JOIN payment_attempts a ON a.transactionId = s.transactionId
    LEFT JOIN payments p ON p.id = a.paymentId
    WHERE s.outcome = 'PAID' AND (a.status IS NULL OR a.status <> 'PAID' OR p.status NOT IN ('PAID', 'REFUNDED'))`);
  const paid: { id: string; bookingStatus: string; refundDue: unknown }[] = await db.dataSource.query(
    "SELECT p.id AS id, b.status AS bookingStatus, p.refundDue AS refundDue FROM payments p JOIN bookings b ON b.id = p.bookingId WHERE p.status = 'PAID'",
  );
  const jobs: { type: string; payload: string }[] = await db.dataSource.query("SELECT type, payload FROM jobs WHERE type IN ('IssueInvoice', 'SendBookingConfirmation')");
  const jobsOf = (type: string) => {
    const per = new Map<string, number>();
    for (const job of jobs.filter((j) => j.type === type)) {
      const id = String(JSON.parse(job.payload).paymentId);
      per.set(id, (per.get(id) ?? 0) + 1);
    }
    return per;
  };
  const mismatches = (per: Map<string, number>, expected: string[]) =>
    expected.filter((id) => per.get(id) !== 1).length + [...per.keys()].filter((id) => !expected.includes(id)).length;
  return {
    taken,
    lost,
    paidPayments: paid.length,
    refundDue: paid.filter((p) => Boolean(Number(p.refundDue))).length,
    invoiceJobMismatches: mismatches(jobsOf('IssueInvoice'), paid.map((p) => p.id)),
    confirmationJobMismatches: mismatches(jobsOf('SendBookingConfirmation'), paid.filter((p) => p.bookingStatus === 'COMPLETE').map((p) => p.id)),
  };
}

export interface Started {
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs `src/<entry>.ts` as its own node process on the store's data. */
export function spawnEntry(entry: 'main' | 'worker' | 'admin', env: Record<string, string>, args: string[] = []): Started {
  let output = '';
  const child = spawnTs(`src/${entry}.ts`, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...GENEROUS_LIMITS, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  }, args);
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, output: () => output, exited };
}

export async function waitUntilServing(baseUrl: string, started: Started, deadlineMs = 60_000): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    if (started.child.exitCode !== null) throw new Error(`server exited early:\n${started.output()}`);
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not start:\n${started.output()}`);
}

export async function kill(started: Started | null): Promise<void> {
  if (!started || started.child.exitCode !== null || started.child.signalCode !== null) return;
  started.child.kill('SIGKILL');
  await started.exited;
}

/** `npm run admin -- <args>` as its own process; resolves when it exits. */
export async function runAdmin(env: Record<string, string>, args: string[]): Promise<{ code: number | null; output: string }> {
  const started = spawnEntry('admin', env, args);
  const { code } = await started.exited;
  return { code, output: started.output() };
}

/** Polls `probe` until it answers true; a fault test's way of waiting for another process, bounded. */
export async function eventually(what: string, probe: () => Promise<boolean>, deadlineMs = 60_000): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    if (await probe()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`gave up waiting for ${what} after ${deadlineMs / 1000} s`);
}
