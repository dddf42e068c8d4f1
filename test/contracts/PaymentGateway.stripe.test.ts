import { Payment } from '../../src/domain/payment/Payment';
import { Money } from '../../src/domain/shared/Money';
import { StripeGateway } from '../../src/infrastructure/payment/StripeGateway';
import { SystemClock } from '../../src/infrastructure/system/SystemClock';
import { FakeClock } from '../fakes/FakeClock';
import { FakeStripe } from '../support/fakeStripe';
import { CALLBACK_URLS, CUSTOMER } from '../support/gatewayFixtures';
import { describePaymentGatewayContract } from './PaymentGateway.contract';

const URLS = CALLBACK_URLS;

const contractServer = new FakeStripe();
describePaymentGatewayContract('stripe (local fake of its documented endpoints, official SDK)', async () => {
  await contractServer.start();
  contractServer.refundOutcomes.set(20_000, 'succeeded').set(30_000, 'failed');
  const gateway = new StripeGateway(contractServer.settings(), new SystemClock());
  return {
    gateway,
    pay: async (_p, sessionRef) => contractServer.pay(sessionRef),
    transaction: (work) => work(),
    singleUse: false,
    voidsSupersededCheckouts: false,
    proofOf: (callback) => callback.session_id,
    refundAmounts: { complete: 10_000, pending: 20_000, decline: 30_000 },
    refundsConfirmLater: false,
    paymentDelivery: async (_p, callback) => contractServer.delivery(contractServer.lastEvent('checkout.session.completed', (session) => session.id === callback.session_id)),
    refundDelivery: async (refundId) => contractServer.delivery(contractServer.lastEvent('refund.created', (refund) => (refund.metadata as Record<string, string>).refundId === refundId)),
    misSigned: (delivery) => ({ ...delivery, headers: { ...delivery.headers, 'stripe-signature': delivery.headers['stripe-signature']!.replace(/v1=[0-9a-f]+/, `v1=${'0'.repeat(64)}`) } }),
    unsigned: (delivery) => ({ ...delivery, headers: { 'content-type': 'application/json' } }),
    close: () => contractServer.stop(),
  };
});

describe('StripeGateway specifics', () => {
  const stripe = new FakeStripe();
  const clock = new FakeClock(new Date());
  let gateway: StripeGateway;
  let n = 0;
  beforeAll(async () => {
    await stripe.start();
    stripe.now = () => Math.floor(clock.now().getTime() / 1000);
    gateway = new StripeGateway(stripe.settings({ timeoutMs: 400 }), clock);
  });
  afterAll(() => stripe.stop());

  const open = (minor: number, currency = 'USD') => {
    n += 1;
    return Payment.open({ id: `pay-s${n}`, bookingId: `b-s${n}`, transactionId: `TRXS${n}${Date.now()}`, amount: Money.ofMinor(minor, currency), gateway: 'stripe', now: new Date() });
  };
  async function paid(minor = 250_000, currency = 'USD') {
    const p = open(minor, currency);
    const session = await gateway.createSession(p, CUSTOMER, URLS);
    const callback = stripe.pay(session.sessionRef);
    const verified = (await gateway.check(callback))!;
    return { p, session, callback, verified };
  }
  const refundOf = (verified: { transactionId: string; paymentRef: string }, minor: number, refundId: string) => ({
    refundId, transactionId: verified.transactionId, paymentRef: verified.paymentRef, amount: Money.ofMinor(minor, 'USD'), reason: 'traveller cancelled',
  });

  test('a session carries the exact amount in minor units, the currency, our transaction id and the success URL template', async () => {
    const p = open(1_234_567);
    const session = await gateway.createSession(p, CUSTOMER, URLS);
    const stored = stripe.sessions.get(session.sessionRef)!;
    expect(stored).toEqual(expect.objectContaining({ amount_total: 1_234_567, currency: 'usd', client_reference_id: p.transactionId, customer_email: CUSTOMER.email }));
    expect(stored.metadata).toEqual({ transactionId: p.transactionId, paymentId: p.id, bookingId: p.bookingId });
    expect(stored.success_url).toBe(`${URLS.success}?tran_id=${p.transactionId}&session_id={CHECKOUT_SESSION_ID}`);
    expect(stored.cancel_url).toBe(`${URLS.cancel}?tran_id=${p.transactionId}`);
    expect(session.paymentUrl).toBe(stored.url);
  });

  test('zero-decimal currencies go in whole units, three-decimal ones in thousandths, and come back exactly', async () => {
    const yen = open(50_000, 'JPY');
    const yenSession = await gateway.createSession(yen, CUSTOMER, URLS);
    expect(stripe.sessions.get(yenSession.sessionRef)!.amount_total).toBe(500);
    expect((await gateway.check(stripe.pay(yenSession.sessionRef)))!.amount.equals(yen.amount)).toBe(true);
    const dinar = open(1_250, 'KWD');
    const dinarSession = await gateway.createSession(dinar, CUSTOMER, URLS);
    expect(stripe.sessions.get(dinarSession.sessionRef)!.amount_total).toBe(12_500);
    expect((await gateway.check(stripe.pay(dinarSession.sessionRef)))!.amount.equals(dinar.amount)).toBe(true);
    await expect(gateway.createSession(open(50_050, 'JPY'), CUSTOMER, URLS)).rejects.toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  test('the redirect only names a session: an unpaid, unknown or malformed one is not vouched for', async () => {
    const p = open(10_000);
    const session = await gateway.createSession(p, CUSTOMER, URLS);
    expect(await gateway.check({ session_id: session.sessionRef, tran_id: p.transactionId, status: 'paid' })).toBeNull();
    expect(await gateway.check({ session_id: 'cs_test_made_up' })).toBeNull();
    expect(await gateway.check({ session_id: '../v1/refunds' })).toBeNull();
  });

  test('lookup refuses a session of another attempt', async () => {
    const { session } = await paid();
    expect(await gateway.lookup({ transactionId: 'TRX-OTHER', gatewayRef: session.sessionRef })).toBeNull();
  });

  test('a 5xx is retried with the same idempotency key: one session, one refund, never a lost state', async () => {
    stripe.failNext({ kind: 'status', status: 500, afterEffect: true });
    const p = open(40_000);
    const before = stripe.sessions.size;
    const session = await gateway.createSession(p, CUSTOMER, URLS);
    expect(stripe.sessions.size).toBe(before + 1);
    expect(stripe.sessions.get(session.sessionRef)!.client_reference_id).toBe(p.transactionId);

    const { verified } = await paid(40_000);
    stripe.failNext({ kind: 'status', status: 503, afterEffect: true });
    const outcome = await gateway.refund(refundOf(verified, 10_000, 'refund-retried'));
    expect(outcome).toEqual(expect.objectContaining({ refundId: 'refund-retried', state: 'COMPLETED' }));
    expect([...stripe.refunds.values()].filter((r) => r.metadata.refundId === 'refund-retried')).toHaveLength(1);
  });

  test('a timeout is retried; a gateway that keeps failing is DependencyUnavailable and nothing is refunded', async () => {
    stripe.failNext({ kind: 'hang' });
    const p = open(20_000);
    await expect(gateway.createSession(p, CUSTOMER, URLS)).resolves.toEqual(expect.objectContaining({ sessionRef: expect.stringMatching(/^cs_/) }));
    const { verified } = await paid(20_000);
    stripe.failNext({ kind: 'status', status: 500 }, 3);
    await expect(gateway.refund(refundOf(verified, 5_000, 'refund-down'))).rejects.toThrow(expect.objectContaining({ code: 'DEPENDENCY_UNAVAILABLE' }));
    expect([...stripe.refunds.values()].some((r) => r.metadata.refundId === 'refund-down')).toBe(false);
    expect(await gateway.refundStatus({ refundId: 'refund-down', gatewayRefundId: null, transactionId: verified.transactionId, paymentRef: verified.paymentRef }))
      .toEqual(expect.objectContaining({ state: 'FAILED' }));
    stripe.failNext({ kind: 'status', status: 500 }, 3);
    await expect(gateway.check({ session_id: 'cs_test_anything' })).rejects.toThrow(expect.objectContaining({ code: 'DEPENDENCY_UNAVAILABLE' }));
  });

  test('a refund Stripe refuses (more than is left, already refunded) is FAILED with its reason', async () => {
    const { verified } = await paid(30_000);
    expect(await gateway.refund(refundOf(verified, 30_001, 'refund-too-much'))).toEqual(expect.objectContaining({ state: 'FAILED', failureReason: expect.stringContaining('greater than') }));
    expect((await gateway.refund(refundOf(verified, 30_000, 'refund-all'))).state).toBe('COMPLETED');
    expect(await gateway.refund(refundOf(verified, 1, 'refund-after-all'))).toEqual(expect.objectContaining({ state: 'FAILED', failureReason: expect.stringContaining('already been refunded') }));
  });

  test('an asynchronous refund is PENDING, then completed: refundStatus and the refund.updated webhook agree', async () => {
    const { verified } = await paid(60_000);
    stripe.asyncRefunds = true;
    try {
      const pending = await gateway.refund(refundOf(verified, 60_000, 'refund-async'));
      expect(pending).toEqual({ refundId: 'refund-async', gatewayRefundId: expect.stringMatching(/^re_/), state: 'PENDING' });
      expect((await gateway.refundStatus({ ...pending, transactionId: verified.transactionId, paymentRef: verified.paymentRef })).state).toBe('PENDING');
      stripe.settleRefunds('succeeded');
      const event = await gateway.verifyWebhook(stripe.delivery(stripe.lastEvent('refund.updated')));
      expect(event).toEqual({ kind: 'refund', eventId: expect.stringMatching(/^evt_/), outcome: { refundId: 'refund-async', gatewayRefundId: pending.gatewayRefundId, state: 'COMPLETED' } });
      expect(await gateway.refundStatus({ ...pending, transactionId: verified.transactionId, paymentRef: verified.paymentRef })).toEqual(expect.objectContaining({ state: 'COMPLETED' }));
    } finally {
      stripe.asyncRefunds = false;
    }
  });

  test('out of order: a late refund.created delivered after completion reports where the refund stands now', async () => {
    const { verified } = await paid(70_000);
    stripe.asyncRefunds = true;
    try {
      await gateway.refund(refundOf(verified, 70_000, 'refund-late'));
      const created = stripe.lastEvent('refund.created');
      stripe.settleRefunds('failed');
      const event = await gateway.verifyWebhook(stripe.delivery(created));
      expect(event).toEqual(expect.objectContaining({ kind: 'refund', outcome: expect.objectContaining({ refundId: 'refund-late', state: 'FAILED', failureReason: expect.stringContaining('expired_or_canceled_card') }) }));
    } finally {
      stripe.asyncRefunds = false;
    }
  });

  test('webhooks: completed, delayed payment succeeded or failed, expired, each verified on its raw body; the same delivery twice gives the same event', async () => {
    const { p, session } = await paid(80_000);
    const completed = stripe.delivery(stripe.lastEvent('checkout.session.completed'));
    const first = await gateway.verifyWebhook(completed);
    expect(first).toEqual({ kind: 'payment', eventId: expect.stringMatching(/^evt_/), verified: expect.objectContaining({ transactionId: p.transactionId, status: 'PAID', valId: session.sessionRef, paymentRef: expect.stringMatching(/^pi_/) }) });
    expect(await gateway.verifyWebhook(completed)).toEqual(first);

    const later = open(90_000);
    const laterSession = await gateway.createSession(later, CUSTOMER, URLS);
    stripe.payLater(laterSession.sessionRef);
    expect(await gateway.verifyWebhook(stripe.delivery(stripe.lastEvent('checkout.session.completed')))).toEqual(expect.objectContaining({ kind: 'ignored', type: 'checkout.session.completed' }));
    stripe.settleLater(laterSession.sessionRef, true);
    expect(await gateway.verifyWebhook(stripe.delivery(stripe.lastEvent('checkout.session.async_payment_succeeded'))))
      .toEqual(expect.objectContaining({ kind: 'payment', verified: expect.objectContaining({ transactionId: later.transactionId, status: 'PAID' }) }));

    const declined = open(5_000);
    const declinedSession = await gateway.createSession(declined, CUSTOMER, URLS);
    stripe.payLater(declinedSession.sessionRef);
    stripe.settleLater(declinedSession.sessionRef, false);
    expect(await gateway.verifyWebhook(stripe.delivery(stripe.lastEvent('checkout.session.async_payment_failed'))))
      .toEqual(expect.objectContaining({ kind: 'payment', verified: expect.objectContaining({ transactionId: declined.transactionId, status: 'FAILED', paymentRef: '' }) }));

    const abandoned = open(6_000);
    stripe.expire((await gateway.createSession(abandoned, CUSTOMER, URLS)).sessionRef);
    expect(await gateway.verifyWebhook(stripe.delivery(stripe.lastEvent('checkout.session.expired'))))
      .toEqual(expect.objectContaining({ kind: 'payment', verified: expect.objectContaining({ transactionId: abandoned.transactionId, status: 'CANCELLED' }) }));
  });

  test('webhooks unsigned, signed with another secret, tampered or older than 5 minutes are refused; other types are ignored', async () => {
    await paid(11_000);
    const event = stripe.lastEvent('checkout.session.completed');
    const good = stripe.delivery(event);
    expect(await gateway.verifyWebhook({ rawBody: good.rawBody, headers: {} })).toBeNull();
    expect(await gateway.verifyWebhook(stripe.delivery(event, { secret: 'whsec_someone_else' }))).toBeNull();
    expect(await gateway.verifyWebhook({ ...good, rawBody: Buffer.from(good.rawBody.toString().replace('"paid"', '"unpaid"')) })).toBeNull();
    const now = Math.floor(clock.now().getTime() / 1000);
    expect(await gateway.verifyWebhook(stripe.delivery(event, { signedAt: now - 301 }))).toBeNull();
    expect(await gateway.verifyWebhook(stripe.delivery(event, { signedAt: now - 299 }))).not.toBeNull();
    expect(await gateway.verifyWebhook(stripe.delivery({ id: 'evt_other', type: 'customer.created', data: { object: { id: 'cus_1', object: 'customer' } } })))
      .toEqual({ kind: 'ignored', eventId: 'evt_other', type: 'customer.created' });
  });
});
