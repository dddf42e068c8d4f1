import type { RefundRepository } from '../../src/application/ports/RefundRepository';
import type { SandboxGateway } from '../../src/infrastructure/payment/SandboxGateway';
import { TypeOrmRefundRepository } from '../../src/infrastructure/persistence/repositories/TypeOrmRefundRepository';
import type { Database } from '../../src/infrastructure/persistence/Database';
import { TourMother } from '../mothers/TourMother';
import { databaseKinds } from '../support/databases';
import type { TestApp} from '../support/testApp';
import { startTestApp } from '../support/testApp';
import { bookAndPayOnSandbox } from '../support/sandboxPayments';
import { verifiedTraveller } from '../support/travellers';
import type { Store} from './support/paymentsFaults';
import { PHONE, openStore } from './support/paymentsFaults';

const ADMIN = { email: 'root@tourdesk.test', password: 'R00t!password' };

/**
 * The app's own refund repository (set once the app has opened its database), whose next `crashes`
 * outcome writes fail as a process dying there would: after the gateway refunded, before our commit.
 */
class CrashingRefunds implements RefundRepository {
  inner: RefundRepository | null = null;
  crashes = 0;
  private get real(): RefundRepository {
    if (!this.inner) throw new Error('the app has not started');
    return this.inner;
  }
  create: RefundRepository['create'] = (refund) => this.real.create(refund);
  findById: RefundRepository['findById'] = (id, options) => this.real.findById(id, options);
  findByIdempotencyKey: RefundRepository['findByIdempotencyKey'] = (key, options) => this.real.findByIdempotencyKey(key, options);
  ofPayment: RefundRepository['ofPayment'] = (paymentId) => this.real.ofPayment(paymentId);
  openRefunds: RefundRepository['openRefunds'] = (window) => this.real.openRefunds(window);
  saveOutcome: RefundRepository['saveOutcome'] = async (refund, expected) => {
    if (this.crashes > 0) {
      this.crashes -= 1;
      throw new Error('process died between the gateway\'s refund and our commit');
    }
    return this.real.saveOutcome(refund, expected);
  };
}

describe.each(databaseKinds())('refund faults on %s', (kind) => {
  let store: Store;
  let app: TestApp;
  let db: Database;
  let refunds: CrashingRefunds;
  let adminToken: string;
  const api = (path: string) => `/api/v1${path}`;

  beforeAll(async () => {
    store = await openStore(kind);
    refunds = new CrashingRefunds();
    app = await startTestApp({ ...store.env, WORKER_IN_PROCESS: '0', SUPER_ADMIN_EMAIL: ADMIN.email, SUPER_ADMIN_PASSWORD: ADMIN.password }, { ports: { refundRepository: refunds } });
    db = app.server.root.database;
    refunds.inner = new TypeOrmRefundRepository(db);
    adminToken = (await app.request('POST', api('/auth/login'), { body: ADMIN })).body.data.accessToken;
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
    await store?.close();
  }, 120_000);

  async function paid(): Promise<string> {
    const tour = await TourMother.insert(db, { price: 12_500, maxGuest: 10 });
    const user = await verifiedTraveller(app, PHONE);
    return (await bookAndPayOnSandbox(app, user.token, tour.id, 2)).paymentId;
  }

  /** What the database and the outbox say about a payment's refunds. */
  async function ledger(paymentId: string) {
    const [payment] = await db.dataSource.query('SELECT status, refundedAmount, refundPendingAmount FROM payments WHERE id = ?', [paymentId]);
    const rows = await db.dataSource.query('SELECT id, state FROM refunds WHERE paymentId = ?', [paymentId]);
    const ids = rows.map((r: { id: string }) => r.id);
    const given = ids.length ? await db.dataSource.query(`SELECT COUNT(*) AS n, COALESCE(SUM(amount), 0) AS total FROM sandbox_refunds WHERE state = 'COMPLETED' AND id IN (${ids.map(() => '?').join(',')})`, ids) : [{ n: 0, total: 0 }];
    const events = await db.dataSource.query("SELECT type FROM payment_events WHERE paymentId = ? AND type LIKE 'REFUND%'", [paymentId]);
    const jobs = ids.length ? await db.dataSource.query(`SELECT COUNT(*) AS n FROM jobs WHERE type = 'IssueCreditNote' AND (${ids.map(() => 'dedupeKey = ?').join(' OR ')})`, ids.map((id: string) => `IssueCreditNote:${id}`)) : [{ n: 0 }];
    return {
      status: payment.status, refunded: Number(payment.refundedAmount), pending: Number(payment.refundPendingAmount), refunds: rows.map((r: { state: string }) => r.state),
      gatewayGave: { count: Number(given[0].n), minor: Number(given[0].total) }, refundedEvents: events.filter((e: { type: string }) => e.type === 'REFUNDED').length, creditNoteJobs: Number(jobs[0].n),
    };
  }

  test('a crash between the gateway\'s refund and our commit: the retry with the same key refunds once', async () => {
    const paymentId = await paid();
    refunds.crashes = 1;
    const crashed = await app.request('POST', api(`/payment/${paymentId}/refund`), { token: adminToken, body: { reason: 'Tour cancelled' }, headers: { 'idempotency-key': `crash-${kind}` } });
    expect(crashed.status).toBe(500);
    expect(await ledger(paymentId)).toEqual(expect.objectContaining({ status: 'REFUND_PENDING', refunds: ['REQUESTED'], gatewayGave: { count: 1, minor: 2_500_000 }, refundedEvents: 0, creditNoteJobs: 0 }));
    const retry = await app.request('POST', api(`/payment/${paymentId}/refund`), { token: adminToken, body: { reason: 'Tour cancelled' }, headers: { 'idempotency-key': `crash-${kind}` } });
    expect([retry.status, retry.body.data.refund.state]).toEqual([200, 'COMPLETED']);
    expect(await ledger(paymentId)).toEqual({
      status: 'REFUNDED', refunded: 2_500_000, pending: 0, refunds: ['COMPLETED'], gatewayGave: { count: 1, minor: 2_500_000 }, refundedEvents: 1, creditNoteJobs: 1,
    });
  }, 60_000);

  test('the reconciler and a webhook racing to confirm the same pending refund record it once', async () => {
    const paymentId = await paid();
    const pending = (await app.request('POST', api(`/payment/${paymentId}/refund`), { token: adminToken, body: { amount: 100.77, reason: 'Late' } })).body.data.refund;
    const delivery = await (app.server.root.ports.paymentGateway as SandboxGateway).webhook('refund.updated', pending._id);
    const [hook, reconciled] = await Promise.all([
      app.request('POST', api('/payment/webhook/sandbox'), { body: delivery.rawBody.toString('utf8'), headers: delivery.headers as Record<string, string> }),
      app.server.root.useCases.reconcilePayments.execute({ olderThanMs: 0 }),
    ]);
    expect(hook.status).toBe(200);
    expect(reconciled.refunds.failed).toEqual([]);
    expect(await ledger(paymentId)).toEqual({
      status: 'PARTIALLY_REFUNDED', refunded: 10_077, pending: 0, refunds: ['COMPLETED'], gatewayGave: { count: 1, minor: 10_077 }, refundedEvents: 1, creditNoteJobs: 1,
    });
  }, 60_000);
});
