import { randomUUID } from 'node:crypto';
import { seedPayment } from '../integration/invoices/invoiceDbKit';
import { FakePaymentGateway } from '../fakes/FakePaymentGateway';
import { cliHarness } from './cliRuntime';

describe('admin CLI: payment confirm, payment reconcile', () => {
  const cli = cliHarness();
  afterAll(() => cli.close());

  test('payment confirm with a made-up val_id changes nothing and exits non-zero', async () => {
    const run = await cli.run('payment', 'confirm', '--val-id', 'made-up');
    expect(run.code).not.toBe(0);
    expect(run.stdout).toMatch(/^UNVERIFIED \(nothing changed\)/);
    expect(run.stderr).toMatch(/val-id could not be verified/);
  });

  test('payment reconcile with nothing open says so; --older-than takes any duration, 0s included', async () => {
    // Past the 3-day look-back nothing is open any more: an empty run, not an error.
    for (const olderThan of ['0s', '10m', '72h', '30d']) {
      const run = await cli.run('payment', 'reconcile', '--older-than', olderThan);
      expect([run.code, run.stdout]).toEqual([0, `0 open attempt(s) older than ${olderThan} checked: 0 settled, 0 still without a verdict, 0 failed\n0 open refund(s) checked: none settled\n`]);
    }
  });

  test('payment reconcile refuses a bad duration with exit code 2, before opening anything', async () => {
    const fresh = cliHarness();
    try {
      for (const [value, problem] of [['ten', /must be a duration like 10m, 1h or 0s/], ['-5m', /must be a duration like/], ['999999999d', /must be at most 100000000d/]] as const) {
        const bad = await fresh.run('payment', 'reconcile', '--older-than', value);
        expect([bad.code, bad.stdout]).toEqual([2, '']);
        expect(bad.stderr).toMatch(problem);
      }
      expect(fresh.opened()).toBe(false);
    } finally {
      await fresh.close();
    }
  });
});

describe('admin CLI: payment refund', () => {
  const cli = cliHarness();
  afterAll(() => cli.close());

  /** A PAID payment of 25,000.00 BDT taken on a sandbox checkout, as the gateway and our attempt record it. */
  async function sandboxPaid(): Promise<string> {
    const db = (await cli.getRoot()).database;
    const { paymentId } = await seedPayment(db);
    const m = db.dataSource.manager;
    const [{ transactionId }] = await m.query('SELECT transactionId FROM payments WHERE id = ?', [paymentId]);
    const sessionId = randomUUID();
    const now = new Date('2026-03-01T10:00:00.000Z');
    await m.createQueryBuilder().insert().into('sandbox_sessions').values({
      id: sessionId, transactionId, paymentId, amount: 2_500_000, currency: 'BDT', customerName: 'Ayesha', successUrl: 'http://a.test/s', failUrl: 'http://a.test/f', cancelUrl: 'http://a.test/c',
      outcome: 'PAID', valId: `${sessionId}.v`, completedAt: now, verifiedAt: now, voidedAt: null, createdAt: now,
    }).execute();
    await m.createQueryBuilder().insert().into('payment_attempts').values({
      transactionId, paymentId, gateway: 'sandbox', gatewayRef: sessionId, status: 'PAID', valId: `${sessionId}.v`, paymentRef: sessionId, supersededAt: null, settledAt: now, createdAt: now, updatedAt: now,
    }).execute();
    return paymentId;
  }

  test('refunds part, then the rest; a second full refund exits 5 (conflict); the booking is cancelled', async () => {
    const paymentId = await sandboxPaid();
    const part = await cli.run('payment', 'refund', '--payment', paymentId, '--amount', '1250.50', '--reason', 'One guest stayed home');
    expect([part.code, part.stdout]).toEqual([0, expect.stringMatching(/^COMPLETED: 1,250\.50 BDT of payment .* now PARTIALLY_REFUNDED/)]);
    const rest = await cli.run('payment', 'refund', '--payment', paymentId, '--reason', 'Tour cancelled', '--key', 'cli-key-1');
    expect([rest.code, rest.stdout]).toEqual([0, expect.stringMatching(/^COMPLETED: 23,749\.50 BDT .* now REFUNDED/)]);
    const replay = await cli.run('payment', 'refund', '--payment', paymentId, '--reason', 'Tour cancelled', '--key', 'cli-key-1');
    expect([replay.code, replay.stdout]).toEqual([0, expect.stringContaining('(the refund made earlier with this key)')]);
    const again = await cli.run('payment', 'refund', '--payment', paymentId, '--reason', 'Twice');
    expect(again.code).toBe(5);
    expect(again.stderr).toMatch(/already refunded/);
    const [booking] = await (await cli.getRoot()).database.dataSource.query('SELECT b.status FROM bookings b JOIN payments p ON p.bookingId = b.id WHERE p.id = ?', [paymentId]);
    expect(booking.status).toBe('CANCEL');
  });

  test('a bad amount exits 2 before anything opens; a missing reason is refused by the parser', async () => {
    const fresh = cliHarness();
    try {
      const bad = await fresh.run('payment', 'refund', '--payment', 'p', '--amount', 'ten', '--reason', 'x');
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/amount must be a positive number/);
      expect((await fresh.run('payment', 'refund', '--payment', 'p')).code).not.toBe(0);
      expect(fresh.opened()).toBe(false);
    } finally {
      await fresh.close();
    }
  });
});

describe('admin CLI: payment reconcile during an outage', () => {
  // A gateway call that fails the way a dead database connection does: the CLI's classifier calls it an outage.
  const gateway = new FakePaymentGateway();
  const lookup = jest.spyOn(gateway, 'lookup').mockRejectedValue(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED' }));
  const cli = cliHarness({}, { ports: { paymentGateway: gateway } });
  afterAll(() => cli.close());

  test('ends the run at the first outage, names what was not checked, and exits 7', async () => {
    const db = (await cli.getRoot()).database;
    const anHourAgo = new Date(Date.now() - 3600_000);
    for (let i = 0; i < 3; i++) {
      const { paymentId } = await seedPayment(db, { status: 'UNPAID' });
      await db.dataSource.createQueryBuilder().insert().into('payment_attempts').values({
        transactionId: `TXN-outage-${i}-${randomUUID().slice(0, 8)}`, paymentId, gateway: 'sandbox', status: 'OPEN', createdAt: anHourAgo, updatedAt: anHourAgo,
      }).execute();
    }
    const run = await cli.run('payment', 'reconcile', '--older-than', '0s');
    expect(run.stdout).toMatch(/^1 open attempt\(s\) older than 0s checked: 0 settled, 0 still without a verdict, 1 failed, 2 skipped$/m);
    expect(run.stderr).toMatch(/The gateway or the database stopped answering; 2 attempt\(s\) were not checked: run it again/);
    expect(run.code).toBe(7);
    expect(lookup).toHaveBeenCalledTimes(1);
  });
});
