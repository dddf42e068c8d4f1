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
});
