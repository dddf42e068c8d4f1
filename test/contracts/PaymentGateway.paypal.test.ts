import { Payment } from '../../src/domain/payment/Payment';
import { Money } from '../../src/domain/shared/Money';
import { PayPalGateway } from '../../src/infrastructure/payment/PayPalGateway';
import { SystemClock } from '../../src/infrastructure/system/SystemClock';
import { FakeClock } from '../fakes/FakeClock';
import { FakePaypal } from '../support/fakePaypal';
import { CALLBACK_URLS, CUSTOMER } from '../support/gatewayFixtures';
import { describePaymentGatewayContract } from './PaymentGateway.contract';

const URLS = CALLBACK_URLS;

const contractServer = new FakePaypal();
describePaymentGatewayContract('paypal (local fake of its documented endpoints)', async () => {
  await contractServer.start();
  contractServer.refundOutcomes.set(20_000, 'COMPLETED').set(30_000, 'FAILED');
  const gateway = new PayPalGateway(contractServer.settings(), new SystemClock());
  return {
    gateway,
    pay: async (_p, sessionRef) => contractServer.approve(sessionRef),
    transaction: (work) => work(),
    singleUse: false,
    voidsSupersededCheckouts: false,
    currency: 'USD',
    proofOf: (callback) => callback.token,
    refundAmounts: { complete: 10_000, pending: 20_000, decline: 30_000 },
    refundsConfirmLater: false,
    paymentDelivery: async (_p, callback) => contractServer.delivery(contractServer.lastEvent('CHECKOUT.ORDER.APPROVED', (order) => order.id === callback.token)),
    refundDelivery: async (refundId) => contractServer.delivery(contractServer.lastEvent('PAYMENT.REFUND.PENDING', (refund) => refund.custom_id === refundId)),
    misSigned: (delivery) => ({ ...delivery, headers: { ...delivery.headers, 'paypal-transmission-sig': Buffer.from('forged').toString('base64') } }),
    unsigned: (delivery) => ({ ...delivery, headers: { 'content-type': 'application/json' } }),
    close: () => contractServer.stop(),
  };
});

describe('PayPalGateway specifics', () => {
  const paypal = new FakePaypal();
  const clock = new FakeClock(new Date());
  let gateway: PayPalGateway;
  let n = 0;
  beforeAll(async () => {
    await paypal.start();
    gateway = new PayPalGateway(paypal.settings({ timeoutMs: 300 }), clock);
  });
  afterAll(() => paypal.stop());

  const open = (minor: number, currency = 'USD') => {
    n += 1;
    return Payment.open({ id: `pay-p${n}`, bookingId: `b-p${n}`, transactionId: `TRXP${n}${Date.now()}`, amount: Money.ofMinor(minor, currency), gateway: 'paypal', now: new Date() });
  };
  async function captured(minor = 250_000) {
    const p = open(minor);
    const session = await gateway.createSession(p, CUSTOMER, URLS);
    const callback = paypal.approve(session.sessionRef);
    const verified = (await gateway.check(callback))!;
    return { p, session, callback, verified };
  }
  const refundOf = (verified: { transactionId: string; paymentRef: string }, minor: number, refundId: string) => ({
    refundId, transactionId: verified.transactionId, paymentRef: verified.paymentRef, amount: Money.ofMinor(minor, 'USD'), reason: 'traveller cancelled',
  });

  test('takes the currencies PayPal takes, not BDT', () => {
    expect(gateway.currencies).toContain('USD');
    expect(gateway.currencies).not.toContain('BDT');
  });

  test('an order carries the amount as a decimal string, our transaction id as custom_id and invoice_id, and the return URLs', async () => {
    const p = open(1_234_505);
    const session = await gateway.createSession(p, CUSTOMER, URLS);
    const order = paypal.orders.get(session.sessionRef)!;
    expect(order.purchase_units[0]).toEqual(expect.objectContaining({ custom_id: p.transactionId, invoice_id: p.transactionId, amount: { currency_code: 'USD', value: '12345.05' } }));
    expect(order.returnUrl).toBe(`${URLS.success}?tran_id=${p.transactionId}`);
    expect(order.cancelUrl).toBe(`${URLS.cancel}?tran_id=${p.transactionId}`);
    expect(session.paymentUrl).toContain(`token=${session.sessionRef}`);
    const yen = await gateway.createSession(open(50_000, 'JPY'), CUSTOMER, URLS);
    expect(paypal.orders.get(yen.sessionRef)!.purchase_units[0].amount).toEqual({ currency_code: 'JPY', value: '500' });
  });

  test('the return captures the approved order once: checking again, or a racing webhook, finds the same capture', async () => {
    const { p, callback, verified } = await captured(30_000);
    expect(verified).toEqual(expect.objectContaining({ transactionId: p.transactionId, status: 'PAID', valId: callback.token, paymentRef: expect.stringMatching(/^[0-9A-F]{17}$/) }));
    expect(await gateway.check(callback)).toEqual(verified);
    expect(await gateway.verifyWebhook(paypal.delivery(paypal.lastEvent('CHECKOUT.ORDER.APPROVED')))).toEqual(expect.objectContaining({ kind: 'payment', verified }));
    expect(paypal.count('POST', new RegExp(`/v2/checkout/orders/${callback.token}/capture`))).toBe(1);
  });

  test('an order not approved, unknown or malformed is not vouched for; a capture declined is FAILED', async () => {
    const p = open(10_000);
    const session = await gateway.createSession(p, CUSTOMER, URLS);
    expect(await gateway.check({ token: session.sessionRef, PayerID: 'X', tran_id: p.transactionId })).toBeNull();
    expect(await gateway.check({ token: 'NOSUCHORDER00000' })).toBeNull();
    expect(await gateway.check({ token: '../../v1/oauth2/token' })).toBeNull();
    const declined = open(12_000);
    const declinedSession = await gateway.createSession(declined, CUSTOMER, URLS);
    expect(await gateway.check(paypal.approve(declinedSession.sessionRef, { declineAtCapture: true })))
      .toEqual(expect.objectContaining({ transactionId: declined.transactionId, status: 'FAILED', paymentRef: '' }));
  });

  test('the OAuth token is cached until it expires, renewed after, and renewed at once when PayPal revokes it', async () => {
    const fresh = new PayPalGateway(paypal.settings(), clock);
    const before = paypal.tokensIssued;
    await fresh.createSession(open(1_000), CUSTOMER, URLS);
    await fresh.createSession(open(1_000), CUSTOMER, URLS);
    expect(paypal.tokensIssued).toBe(before + 1);
    clock.advance(paypal.tokenLifetime * 1000);
    await fresh.createSession(open(1_000), CUSTOMER, URLS);
    expect(paypal.tokensIssued).toBe(before + 2);
    paypal.revokeTokens();
    await fresh.createSession(open(1_000), CUSTOMER, URLS);
    expect(paypal.tokensIssued).toBe(before + 3);
  });

  test('a 5xx or a timeout is retried with the same PayPal-Request-Id: one order, one capture, one refund', async () => {
    paypal.failNext({ kind: 'status', status: 500, afterEffect: true });
    const p = open(40_000);
    const ordersBefore = paypal.orders.size;
    const session = await gateway.createSession(p, CUSTOMER, URLS);
    expect(paypal.orders.size).toBe(ordersBefore + 1);
    const callback = paypal.approve(session.sessionRef);
    paypal.failNext({ kind: 'hang' });
    const verified = (await gateway.check(callback))!;
    expect(verified.status).toBe('PAID');
    paypal.failNext({ kind: 'status', status: 503, afterEffect: true });
    expect((await gateway.refund(refundOf(verified, 10_000, 'pp-refund-retried'))).state).toBe('COMPLETED');
    expect([...paypal.refunds.values()].filter((r) => r.custom_id === 'pp-refund-retried')).toHaveLength(1);
  });

  test('a gateway that keeps failing is DependencyUnavailable, and nothing is refunded', async () => {
    const { verified } = await captured(20_000);
    paypal.failNext({ kind: 'status', status: 500 }, 3);
    await expect(gateway.refund(refundOf(verified, 5_000, 'pp-refund-down'))).rejects.toThrow(expect.objectContaining({ code: 'DEPENDENCY_UNAVAILABLE' }));
    expect([...paypal.refunds.values()].some((r) => r.custom_id === 'pp-refund-down')).toBe(false);
    expect(await gateway.refundStatus({ refundId: 'pp-refund-down', gatewayRefundId: null, transactionId: verified.transactionId, paymentRef: verified.paymentRef }))
      .toEqual(expect.objectContaining({ state: 'FAILED', failureReason: 'PayPal never received the refund' }));
    paypal.failNext({ kind: 'status', status: 502 }, 3);
    await expect(gateway.lookup({ transactionId: verified.transactionId, gatewayRef: verified.valId })).rejects.toThrow(expect.objectContaining({ code: 'DEPENDENCY_UNAVAILABLE' }));
    paypal.failNext({ kind: 'hang' }, 3);
    await expect(gateway.verifyWebhook(paypal.delivery(paypal.lastEvent('PAYMENT.CAPTURE.COMPLETED')))).rejects.toThrow(expect.objectContaining({ code: 'DEPENDENCY_UNAVAILABLE' }));
  });

  test('refunds PayPal refuses are FAILED with its reason; a refund answered late is found by our id', async () => {
    const { verified } = await captured(30_000);
    expect(await gateway.refund(refundOf(verified, 30_001, 'pp-too-much'))).toEqual(expect.objectContaining({ state: 'FAILED', failureReason: expect.stringContaining('REFUND_AMOUNT_EXCEEDED') }));
    paypal.failNext({ kind: 'status', status: 500, afterEffect: true }, 3);
    await expect(gateway.refund(refundOf(verified, 30_000, 'pp-lost-answer'))).rejects.toThrow(expect.objectContaining({ code: 'DEPENDENCY_UNAVAILABLE' }));
    expect(await gateway.refundStatus({ refundId: 'pp-lost-answer', gatewayRefundId: null, transactionId: verified.transactionId, paymentRef: verified.paymentRef }))
      .toEqual(expect.objectContaining({ state: 'COMPLETED', gatewayRefundId: expect.any(String) }));
    expect(await gateway.refund(refundOf(verified, 100, 'pp-after-all'))).toEqual(expect.objectContaining({ state: 'FAILED', failureReason: expect.stringContaining('CAPTURE_FULLY_REFUNDED') }));
    expect((await gateway.lookup({ transactionId: verified.transactionId, gatewayRef: verified.valId }))?.status).toBe('PAID');
  });

  test('an asynchronous refund is PENDING, then settled; a late PENDING notice reports where it stands now', async () => {
    const { verified } = await captured(60_000);
    paypal.asyncRefunds = true;
    try {
      const pending = await gateway.refund(refundOf(verified, 60_000, 'pp-async'));
      expect(pending).toEqual({ refundId: 'pp-async', gatewayRefundId: expect.any(String), state: 'PENDING' });
      const pendingNotice = paypal.lastEvent('PAYMENT.REFUND.PENDING');
      paypal.settleRefunds('COMPLETED');
      const completed = { kind: 'refund', eventId: expect.any(String), outcome: { refundId: 'pp-async', gatewayRefundId: pending.gatewayRefundId, state: 'COMPLETED' } };
      expect(await gateway.verifyWebhook(paypal.delivery(paypal.lastEvent('PAYMENT.CAPTURE.REFUNDED')))).toEqual(completed);
      expect(await gateway.verifyWebhook(paypal.delivery(pendingNotice))).toEqual(completed);
      expect((await gateway.refundStatus({ ...pending, transactionId: verified.transactionId, paymentRef: verified.paymentRef })).state).toBe('COMPLETED');
    } finally {
      paypal.asyncRefunds = false;
    }
  });

  test('webhooks: capture completed and denied map to the payment; the approval webhook captures when the return never came', async () => {
    const p = open(80_000);
    const session = await gateway.createSession(p, CUSTOMER, URLS);
    paypal.approve(session.sessionRef);
    const approved = await gateway.verifyWebhook(paypal.delivery(paypal.lastEvent('CHECKOUT.ORDER.APPROVED')));
    expect(approved).toEqual(expect.objectContaining({ kind: 'payment', verified: expect.objectContaining({ transactionId: p.transactionId, status: 'PAID' }) }));
    const completed = await gateway.verifyWebhook(paypal.delivery(paypal.lastEvent('PAYMENT.CAPTURE.COMPLETED')));
    expect(completed).toEqual(expect.objectContaining({ kind: 'payment', verified: (approved as { verified: unknown }).verified }));

    const declined = open(9_000);
    const declinedSession = await gateway.createSession(declined, CUSTOMER, URLS);
    await gateway.check(paypal.approve(declinedSession.sessionRef, { declineAtCapture: true }));
    expect(await gateway.verifyWebhook(paypal.delivery(paypal.lastEvent('PAYMENT.CAPTURE.DENIED'))))
      .toEqual(expect.objectContaining({ kind: 'payment', verified: expect.objectContaining({ transactionId: declined.transactionId, status: 'FAILED' }) }));
  });

  test('webhooks without the transmission headers, signed for another webhook, or tampered are refused; other types are ignored', async () => {
    await captured(11_000);
    const event = paypal.lastEvent('PAYMENT.CAPTURE.COMPLETED');
    const good = paypal.delivery(event);
    const { 'paypal-transmission-sig': _dropped, ...unsigned } = good.headers;
    expect(await gateway.verifyWebhook({ rawBody: good.rawBody, headers: unsigned })).toBeNull();
    expect(await gateway.verifyWebhook(paypal.delivery(event, { webhookId: 'WH-SOMEONE-ELSE' }))).toBeNull();
    expect(await gateway.verifyWebhook({ ...good, rawBody: Buffer.from(good.rawBody.toString().replace('"COMPLETED"', '"DECLINED"')) })).toBeNull();
    expect(await gateway.verifyWebhook({ ...good, rawBody: Buffer.from('not json') })).toBeNull();
    expect(await gateway.verifyWebhook(good)).not.toBeNull();
    expect(await gateway.verifyWebhook(paypal.delivery({ id: 'WH-OTHER', event_type: 'CUSTOMER.DISPUTE.CREATED', resource_type: 'dispute', resource: {} })))
      .toEqual({ kind: 'ignored', eventId: 'WH-OTHER', type: 'CUSTOMER.DISPUTE.CREATED' });
  });
});
