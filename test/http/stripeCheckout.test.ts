import { StripeGateway } from '../../src/infrastructure/payment/StripeGateway';
import { SystemClock } from '../../src/infrastructure/system/SystemClock';
import { FakeStripe } from '../support/fakeStripe';
import { startGatewayJourney } from '../support/gatewayJourney';
import { describeIf, realService } from '../support/services';

const API = '/api/v1';

/**
 * PAYMENT_GATEWAY=stripe end to end: the app's Stripe adapter (its SDK pointed at a local fake of
 * Stripe's API, the one line the composition root would build differently) over real HTTP.
 */
describe('Stripe Checkout over HTTP', () => {
  const stripe = new FakeStripe();
  let journey: Awaited<ReturnType<typeof startGatewayJourney>>;

  beforeAll(async () => {
    await stripe.start();
    journey = await startGatewayJourney(
      { PAYMENT_GATEWAY: 'stripe', STRIPE_SECRET_KEY: stripe.secretKey, STRIPE_WEBHOOK_SECRET: stripe.webhookSecret },
      { ports: { paymentGateway: new StripeGateway(stripe.settings(), new SystemClock()) } },
    );
  }, 60_000);
  afterAll(async () => {
    await journey?.app.stop();
    await stripe.stop();
  });

  /** The session a payment URL opens, as Stripe holds it. */
  const sessionOf = (paymentUrl: string) => stripe.sessions.get(new URL(paymentUrl).pathname.split('/').pop()!)!;
  /** Where Stripe sends the browser after payment: success_url with the session id filled in. */
  const successRedirect = (sessionId: string) => stripe.sessions.get(sessionId)!.success_url.replace('{CHECKOUT_SESSION_ID}', sessionId);

  describeIf(realService('chrome'), 'with real Chromium for the invoice', () => {
    test('book, init payment, pay on Stripe, come back: the booking is COMPLETE and the invoice is issued', async () => {
      const { app, traveller, tour, book, invoiceMailedTo } = journey;
      const user = await traveller();
      const booked = await book(user.accessToken, await tour(12_500), 2);
      expect(booked.status).toBe(201);
      const { booking, payment } = booked.body.data;
      expect(sessionOf(booked.body.data.paymentUrl)).toEqual(expect.objectContaining({ amount_total: 2_500_000, currency: 'bdt', client_reference_id: payment.transactionId }));

      const init = await app.request('POST', `${API}/payment/init-payment/${booking._id}`, { token: user.accessToken });
      expect(init.status).toBe(200);
      const session = sessionOf(init.body.data.paymentUrl);
      stripe.pay(session.id);
      const back = await app.request('GET', successRedirect(session.id));
      expect(back.status).toBe(302);
      expect(new URL(back.headers.get('location')!).searchParams.get('status')).toBe('PAID');

      const seen = await app.request('GET', `${API}/payment/${payment.id}`, { token: user.accessToken });
      expect(seen.body.data).toMatchObject({ status: 'PAID', gateway: 'stripe', amount: 25_000, currency: 'BDT', transactionId: session.client_reference_id });
      expect((await app.request('GET', `${API}/booking/${booking._id}`, { token: user.accessToken })).body.data.status).toBe('COMPLETE');
      expect(await invoiceMailedTo(user.email)).toMatch(/INV-\d{4}-\d{6}/);
    }, 60_000);
  });

  test('a redirect naming a session nobody paid changes nothing, whatever its query claims', async () => {
    const { app, traveller, tour, book } = journey;
    const user = await traveller();
    const { booking, payment, paymentUrl } = (await book(user.accessToken, await tour())).body.data;
    const session = sessionOf(paymentUrl);
    const forged = new URL(successRedirect(session.id));
    forged.searchParams.set('status', 'paid');
    const back = await app.request('GET', forged.toString());
    expect(new URL(back.headers.get('location')!).searchParams.get('status')).toBe('UNPAID');
    expect((await app.request('GET', `${API}/payment/${payment.id}`, { token: user.accessToken })).body.data.status).toBe('UNPAID');
    expect((await app.request('GET', `${API}/booking/${booking._id}`, { token: user.accessToken })).body.data.status).toBe('PENDING');
  }, 30_000);

  test('paid on Stripe but the redirect never came: the reconciler retrieves the session and completes the booking', async () => {
    const { app, traveller, tour, book } = journey;
    const user = await traveller();
    const { booking, payment, paymentUrl } = (await book(user.accessToken, await tour())).body.data;
    stripe.pay(sessionOf(paymentUrl).id);
    const report = await app.server.root.useCases.reconcilePayments.execute({ olderThanMs: 0 });
    expect(report.settled).toEqual(expect.arrayContaining([expect.objectContaining({ paymentId: payment.id, outcome: 'PAID' })]));
    expect((await app.request('GET', `${API}/booking/${booking._id}`, { token: user.accessToken })).body.data.status).toBe('COMPLETE');
  }, 30_000);

  /** A delivery as Stripe posts it to our webhook URL. */
  const deliver = (delivery: { rawBody: Buffer; headers: Record<string, string | undefined> }) =>
    journey.app.request('POST', `${API}/payment/webhook/stripe`, { body: delivery.rawBody.toString('utf8'), headers: delivery.headers as Record<string, string> });

  test('paid on Stripe but the redirect never came: the signed webhook completes the booking once; a duplicate changes nothing, a forged one is 400', async () => {
    const { app, traveller, tour, book } = journey;
    const user = await traveller();
    const { booking, payment, paymentUrl } = (await book(user.accessToken, await tour())).body.data;
    const session = sessionOf(paymentUrl);
    stripe.pay(session.id);
    const delivery = stripe.delivery(stripe.lastEvent('checkout.session.completed', (object) => object.id === session.id));

    const forged = await deliver({ ...delivery, headers: { ...delivery.headers, 'stripe-signature': delivery.headers['stripe-signature']!.replace(/v1=[0-9a-f]+/, `v1=${'0'.repeat(64)}`) } });
    expect(forged.status).toBe(400);
    expect((await app.request('GET', `${API}/payment/${payment.id}`, { token: user.accessToken })).body.data.status).toBe('UNPAID');

    expect((await deliver(delivery)).status).toBe(200);
    expect((await app.request('GET', `${API}/payment/${payment.id}`, { token: user.accessToken })).body.data.status).toBe('PAID');
    expect((await app.request('GET', `${API}/booking/${booking._id}`, { token: user.accessToken })).body.data.status).toBe('COMPLETE');
    const rows = async () => Number((await app.server.root.database.dataSource.query('SELECT COUNT(*) AS n FROM webhook_inbox WHERE gateway = ?', ['stripe']))[0].n);
    const stored = await rows();
    expect((await deliver(delivery)).status).toBe(200);
    expect(await rows()).toBe(stored);
  }, 30_000);

  test('an admin refunds a Stripe payment through the API: Stripe refunds it once, the payment is REFUNDED, the booking cancelled, a second full refund is 409', async () => {
    const { app, admin, traveller, tour, book } = journey;
    const user = await traveller();
    const { booking, payment, paymentUrl } = (await book(user.accessToken, await tour(9_900))).body.data;
    const session = sessionOf(paymentUrl);
    stripe.pay(session.id);
    expect((await app.request('GET', successRedirect(session.id))).status).toBe(302);

    const refund = (key: string) => app.request('POST', `${API}/payment/${payment.id}/refund`, { token: admin.accessToken, body: { reason: 'Tour cancelled by the operator' }, headers: { 'idempotency-key': key } });
    const refunded = await refund('stripe-refund-1');
    expect(refunded.status).toBe(200);
    expect((await refund('stripe-refund-1')).headers.get('idempotent-replayed')).toBe('true');
    const onStripe = [...stripe.refunds.values()].filter((r) => r.payment_intent === stripe.sessions.get(session.id)!.payment_intent);
    expect(onStripe).toEqual([expect.objectContaining({ amount: 990_000, status: 'succeeded' })]);
    expect((await app.request('GET', `${API}/payment/${payment.id}`, { token: admin.accessToken })).body.data).toMatchObject({ status: 'REFUNDED', refundedAmount: 9_900 });
    expect((await app.request('GET', `${API}/booking/${booking._id}`, { token: user.accessToken })).body.data.status).toBe('CANCEL');
    expect((await refund('stripe-refund-2')).status).toBe(409);
    expect((await app.request('POST', `${API}/payment/${payment.id}/refund`, { token: user.accessToken, body: { reason: 'mine' } })).status).toBe(403);
  }, 30_000);
});
