import type { WebhookDelivery } from '../../src/application/ports/PaymentGateway';
import { Payment } from '../../src/domain/payment/Payment';
import { Money } from '../../src/domain/shared/Money';
import { SslCommerzGateway } from '../../src/infrastructure/payment/SslCommerzGateway';
import { SandboxGateway } from '../../src/infrastructure/payment/SandboxGateway';
import { SystemClock } from '../../src/infrastructure/system/SystemClock';
import { UuidIdGenerator } from '../../src/infrastructure/system/UuidIdGenerator';
import { FakePaymentGateway } from '../fakes/FakePaymentGateway';
import { FakeSslCommerzServer } from '../fakes/FakeSslCommerzServer';
import { InMemoryUnitOfWork } from '../fakes/InMemoryUnitOfWork';
import type { TestDatabase} from '../support/databases';
import { openTestDatabase } from '../support/databases';
import { describePaymentGatewayContract } from './PaymentGateway.contract';

const SECRET = 'sandbox-secret-for-tests-0123456789abcdef';

/** The sandbox's amount markers: .77 stays pending until asked, .99 is declined. */
const MARKED_AMOUNTS = { complete: 1_000_000, pending: 1_000_077, decline: 1_000_099 };

/** Deliveries signed with an HMAC header: forged by flipping the signature, unsigned by dropping the header. */
function hmacDeliveries(header: string) {
  return {
    misSigned: (d: WebhookDelivery): WebhookDelivery => ({ ...d, headers: { ...d.headers, [header]: d.headers[header]!.replace(/.$/, (c) => (c === '0' ? '1' : '0')) } }),
    unsigned: (d: WebhookDelivery): WebhookDelivery => ({ ...d, headers: { ...d.headers, [header]: undefined } }),
  };
}

describePaymentGatewayContract('in-memory fake', async () => {
  const gateway = new FakePaymentGateway();
  const uow = new InMemoryUnitOfWork();
  return {
    gateway, pay: async (p) => gateway.pay(p.transactionId), transaction: (work) => uow.run(work),
    singleUse: true, voidsSupersededCheckouts: true, refundAmounts: MARKED_AMOUNTS, refundsConfirmLater: false,
    paymentDelivery: async (p) => gateway.webhook('payment.completed', p.transactionId),
    refundDelivery: async (id) => gateway.webhook('refund.updated', id),
    ...hmacDeliveries('x-fake-signature'),
    close: async () => undefined,
  };
});

let sandboxDb: TestDatabase;
function sandbox(secret = SECRET) {
  return new SandboxGateway(sandboxDb.db, secret, 'http://127.0.0.1:5000/api/v1/sandbox/checkout', new UuidIdGenerator(), new SystemClock());
}

describePaymentGatewayContract('sandbox', async () => {
  sandboxDb = await openTestDatabase('sqlite');
  const gateway = sandbox();
  return {
    gateway,
    pay: async (_p, ref) => Object.fromEntries(new URL(await gateway.complete(ref, 'PAID')).searchParams),
    transaction: (work) => sandboxDb.db.transaction(work),
    singleUse: true,
    voidsSupersededCheckouts: true,
    refundAmounts: MARKED_AMOUNTS,
    refundsConfirmLater: false,
    paymentDelivery: (p) => gateway.webhook('payment.completed', p.transactionId),
    refundDelivery: (id) => gateway.webhook('refund.updated', id),
    ...hmacDeliveries('x-sandbox-signature'),
    close: () => sandboxDb.close(),
  };
});

const server = new FakeSslCommerzServer();
describePaymentGatewayContract('sslcommerz (local fake of its documented endpoints)', async () => {
  await server.start();
  const gateway = new SslCommerzGateway({ storeId: server.storeId, storePassword: server.storePassword, baseUrl: server.url, timeoutMs: 2000 });
  const ipn = (fields: Record<string, string | undefined>): WebhookDelivery => ({
    rawBody: Buffer.from(new URLSearchParams(Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined)).toString()),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  const fieldsOf = (d: WebhookDelivery) => Object.fromEntries(new URLSearchParams(d.rawBody.toString()));
  return {
    gateway, pay: async (p) => server.pay(p.transactionId), transaction: (work) => work(),
    singleUse: false, voidsSupersededCheckouts: false, refundAmounts: MARKED_AMOUNTS, refundsConfirmLater: true,
    // SSLCommerz posts the IPN as form fields; its proof is the val_id, checked with the validation API.
    paymentDelivery: async (_p, callback) => ipn(callback),
    refundDelivery: () => null,
    misSigned: (d) => ipn({ ...fieldsOf(d), val_id: 'forged0000000000' }),
    unsigned: (d) => ipn({ ...fieldsOf(d), val_id: undefined }),
    close: () => server.stop(),
  };
});

describe('SandboxGateway specifics', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase('sqlite');
    sandboxDb = db;
  });
  afterAll(async () => {
    await db.close();
  });
  const URLS = { success: 'http://a.test/s', fail: 'http://a.test/f', cancel: 'http://a.test/c', ipn: 'http://a.test/i' };
  const customer = { name: 'Karim', email: 'k@example.com', phone: '01711111111', address: 'Gulshan' };
  const open = (trx: string) => Payment.open({ id: trx, bookingId: trx, transactionId: trx, amount: Money.ofMinor(10_000, 'BDT'), gateway: 'sandbox', now: new Date() });

  test('val_id is single-use: once consumed in a committed transaction, a replay is refused', async () => {
    const g = sandbox();
    const session = await g.createSession(open('TRXS1'), customer, URLS);
    const callback = Object.fromEntries(new URL(await g.complete(session.sessionRef, 'PAID')).searchParams);
    const verified = (await g.check(callback))!;
    await db.db.transaction(() => g.consume(verified));
    expect(await g.check(callback)).toBeNull();
  });

  test('a val_id signed with another secret, or tampered, is refused', async () => {
    const g = sandbox();
    const session = await g.createSession(open('TRXS2'), customer, URLS);
    const callback = Object.fromEntries(new URL(await g.complete(session.sessionRef, 'PAID')).searchParams);
    expect(await sandbox('another-secret-another-secret-0123456789').check(callback)).toBeNull();
    const tampered = callback.val_id.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
    expect(await g.check({ ...callback, val_id: tampered })).toBeNull();
    expect(await g.check(callback)).not.toBeNull();
  });

  test('a genuine val_id under another tran_id is refused without being used up', async () => {
    const g = sandbox();
    const session = await g.createSession(open('TRXS3'), customer, URLS);
    const callback = Object.fromEntries(new URL(await g.complete(session.sessionRef, 'PAID')).searchParams);
    expect(await g.check({ ...callback, tran_id: 'TRXS-OTHER' })).toBeNull();
    expect(await g.check(callback)).toEqual(expect.objectContaining({ transactionId: 'TRXS3', status: 'PAID' }));
  });
});

describe('SslCommerzGateway specifics', () => {
  const fake = new FakeSslCommerzServer();
  let gateway: SslCommerzGateway;
  const URLS = { success: 'http://a.test/s', fail: 'http://a.test/f', cancel: 'http://a.test/c', ipn: 'http://a.test/i' };
  const customer = { name: 'Karim', email: 'k@example.com', phone: '01711111111', address: 'Gulshan' };
  beforeAll(async () => {
    await fake.start();
    gateway = new SslCommerzGateway({ storeId: fake.storeId, storePassword: fake.storePassword, baseUrl: fake.url, timeoutMs: 2000 });
  });
  afterAll(() => fake.stop());
  const open = (trx: string) => Payment.open({ id: trx, bookingId: trx, transactionId: trx, amount: Money.ofMinor(250_000, 'BDT'), gateway: 'sslcommerz', now: new Date() });

  test('sends the amount in major units with two decimals and our tran_id', async () => {
    await gateway.createSession(open('TRXL1'), customer, URLS);
    expect(fake.sessions.at(-1)).toEqual(expect.objectContaining({ tran_id: 'TRXL1', amount: '2500.00', currency: 'BDT' }));
  });

  test('a validation that reports INVALID_TRANSACTION or FAILED is not vouched for', async () => {
    await gateway.createSession(open('TRXL2'), customer, URLS);
    expect(await gateway.check(fake.pay('TRXL2', { status: 'INVALID_TRANSACTION' }))).toBeNull();
    await gateway.createSession(open('TRXL3'), customer, URLS);
    expect(await gateway.check(fake.pay('TRXL3', { status: 'FAILED' }))).toBeNull();
  });

  test('reports what the validator says (ConfirmPayment then refuses a mismatch)', async () => {
    await gateway.createSession(open('TRXL4'), customer, URLS);
    const verified = await gateway.check(fake.pay('TRXL4', { currency_amount: '25.00' }));
    expect(verified!.amount.minor).toBe(2500);
  });

  test('wrong store credentials refuse the session; a dead gateway is DependencyUnavailable', async () => {
    const wrong = new SslCommerzGateway({ storeId: 'x', storePassword: 'y', baseUrl: fake.url });
    await expect(wrong.createSession(open('TRXL5'), customer, URLS)).rejects.toThrow(expect.objectContaining({ code: 'DEPENDENCY_UNAVAILABLE' }));
    const dead = new SslCommerzGateway({ storeId: 'x', storePassword: 'y', baseUrl: 'http://127.0.0.1:1', timeoutMs: 500 });
    await expect(dead.check({ val_id: 'abc123' })).rejects.toThrow(expect.objectContaining({ code: 'DEPENDENCY_UNAVAILABLE' }));
    await expect(dead.lookup({ transactionId: 'TRXL5' })).rejects.toThrow(expect.objectContaining({ code: 'DEPENDENCY_UNAVAILABLE' }));
  });

  test('the transaction query asks by our tran_id: a declined try and then a payment count as paid; declines alone do not', async () => {
    await gateway.createSession(open('TRXL6'), customer, URLS);
    fake.decline('TRXL6');
    expect(await gateway.lookup({ transactionId: 'TRXL6' })).toBeNull();
    const callback = fake.pay('TRXL6');
    expect(await gateway.lookup({ transactionId: 'TRXL6' })).toEqual(expect.objectContaining({ transactionId: 'TRXL6', status: 'PAID', valId: callback.val_id }));
    expect(fake.queried.filter((t) => t === 'TRXL6')).toHaveLength(2);
  });

  test('a refund the gateway does not answer (500) is DependencyUnavailable, and retried under the same refund id it refunds once', async () => {
    await gateway.createSession(open('TRXL7'), customer, URLS);
    const verified = (await gateway.check(fake.pay('TRXL7')))!;
    const request = { refundId: 'RF-TRXL7', transactionId: 'TRXL7', paymentRef: verified.paymentRef, amount: Money.ofMinor(250_000, 'BDT'), reason: 'Tour cancelled' };
    fake.failNext = 1;
    await expect(gateway.refund(request)).rejects.toThrow(expect.objectContaining({ code: 'DEPENDENCY_UNAVAILABLE' }));
    const first = await gateway.refund(request);
    const retry = await gateway.refund(request);
    expect(retry.gatewayRefundId).toBe(first.gatewayRefundId);
    expect(fake.refunds.filter((r) => r.bank_tran_id === verified.paymentRef)).toHaveLength(1);
  });

  test('a refund of an attempt recorded without its bank_tran_id finds it through the transaction query', async () => {
    await gateway.createSession(open('TRXL8'), customer, URLS);
    const verified = (await gateway.check(fake.pay('TRXL8')))!;
    const outcome = await gateway.refund({ refundId: 'RF-TRXL8', transactionId: 'TRXL8', paymentRef: '', amount: Money.ofMinor(100_000, 'BDT'), reason: 'Partial' });
    expect(outcome.state).toBe('PENDING');
    expect(fake.refunds.find((r) => r.refund_trans_id === 'RF-TRXL8')?.bank_tran_id).toBe(verified.paymentRef);
  });

  test('a transaction query the gateway refuses (wrong credentials) is DependencyUnavailable, never "not paid"', async () => {
    const wrong = new SslCommerzGateway({ storeId: 'x', storePassword: 'y', baseUrl: fake.url });
    await expect(wrong.lookup({ transactionId: 'TRXL1' })).rejects.toThrow(expect.objectContaining({ code: 'DEPENDENCY_UNAVAILABLE' }));
  });
});
