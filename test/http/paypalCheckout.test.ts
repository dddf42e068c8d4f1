import { FakePaypal } from '../support/fakePaypal';
import { startGatewayJourney } from '../support/gatewayJourney';
import { describeIf, realService } from '../support/services';

const API = '/api/v1';

/** PAYMENT_GATEWAY=paypal end to end, the app's own composition root pointed at a local fake of PayPal by PAYPAL_BASE_URL. */
describe('PayPal Orders over HTTP', () => {
  const paypal = new FakePaypal();
  const env = () => ({ PAYMENT_GATEWAY: 'paypal', PAYPAL_CLIENT_ID: paypal.clientId, PAYPAL_CLIENT_SECRET: paypal.clientSecret, PAYPAL_WEBHOOK_ID: paypal.webhookId, PAYPAL_BASE_URL: paypal.url });
  let journey: Awaited<ReturnType<typeof startGatewayJourney>>;

  beforeAll(async () => {
    await paypal.start();
    journey = await startGatewayJourney({ ...env(), CURRENCY: 'USD' });
  }, 60_000);
  afterAll(async () => {
    await journey?.app.stop();
    await paypal.stop();
  });

  const orderOf = (paymentUrl: string) => paypal.orders.get(new URL(paymentUrl).searchParams.get('token')!)!;

  describeIf(realService('chrome'), 'with real Chromium for the invoice', () => {
    test('book, init payment, approve on PayPal, come back: captured once, the booking is COMPLETE and the invoice is issued', async () => {
      const { app, traveller, tour, book, invoiceMailedTo } = journey;
      const user = await traveller();
      const booked = await book(user.accessToken, await tour(149.5), 2);
      expect(booked.status).toBe(201);
      const { booking, payment } = booked.body.data;
      expect(orderOf(booked.body.data.paymentUrl).purchase_units[0]).toEqual(expect.objectContaining({ custom_id: payment.transactionId, amount: { currency_code: 'USD', value: '299.00' } }));

      const init = await app.request('POST', `${API}/payment/init-payment/${booking._id}`, { token: user.accessToken });
      expect(init.status).toBe(200);
      const order = orderOf(init.body.data.paymentUrl);
      const returned = new URL(order.returnUrl);
      for (const [key, value] of Object.entries(paypal.approve(order.id))) returned.searchParams.set(key, value!);
      const back = await app.request('GET', returned.toString());
      expect(back.status).toBe(302);
      expect(new URL(back.headers.get('location')!).searchParams.get('status')).toBe('PAID');
      expect(paypal.count('POST', new RegExp(`/v2/checkout/orders/${order.id}/capture$`))).toBe(1);

      const seen = await app.request('GET', `${API}/payment/${payment.id}`, { token: user.accessToken });
      expect(seen.body.data).toMatchObject({ status: 'PAID', gateway: 'paypal', amount: 299, currency: 'USD' });
      expect((await app.request('GET', `${API}/booking/${booking._id}`, { token: user.accessToken })).body.data.status).toBe('COMPLETE');
      expect(await invoiceMailedTo(user.email)).toMatch(/INV-\d{4}-\d{6}/);
    }, 60_000);
  });

  test('approved on PayPal but the payer never came back: the reconciler captures the order and completes the booking', async () => {
    const { app, traveller, tour, book } = journey;
    const user = await traveller();
    const { booking, payment, paymentUrl } = (await book(user.accessToken, await tour())).body.data;
    paypal.approve(orderOf(paymentUrl).id);
    const report = await app.server.root.useCases.reconcilePayments.execute({ olderThanMs: 0 });
    expect(report.settled).toEqual(expect.arrayContaining([expect.objectContaining({ paymentId: payment.id, outcome: 'PAID' })]));
    expect((await app.request('GET', `${API}/booking/${booking._id}`, { token: user.accessToken })).body.data.status).toBe('COMPLETE');
  }, 30_000);

  test('a tour priced in BDT cannot be booked through PayPal: 400 naming BDT, no seat held, no order opened', async () => {
    const bdt = await startGatewayJourney(env());
    try {
      const user = await bdt.traveller();
      const tourId = await bdt.tour(5_000);
      const orders = paypal.orders.size;
      const refused = await bdt.book(user.accessToken, tourId, 3);
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ success: false, code: 'BOOKING.CURRENCY_NOT_ACCEPTED', message: expect.stringContaining('does not take BDT') });
      expect(paypal.orders.size).toBe(orders);
      expect((await bdt.app.request('GET', `${API}/booking/my-bookings`, { token: user.accessToken })).body.data).toEqual([]);
    } finally {
      await bdt.app.stop();
    }
  }, 60_000);

  /** A delivery as PayPal posts it to our webhook URL. */
  const deliver = (delivery: { rawBody: Buffer; headers: Record<string, string | undefined> }) =>
    journey.app.request('POST', `${API}/payment/webhook/paypal`, { body: delivery.rawBody.toString('utf8'), headers: delivery.headers as Record<string, string> });

  test('approved on PayPal but the payer never came back: the verified approval webhook captures the order and completes the booking; a forged one is 400', async () => {
    const { app, traveller, tour, book } = journey;
    const user = await traveller();
    const { booking, payment, paymentUrl } = (await book(user.accessToken, await tour())).body.data;
    const order = orderOf(paymentUrl);
    paypal.approve(order.id);
    const delivery = paypal.delivery(paypal.lastEvent('CHECKOUT.ORDER.APPROVED', (resource) => resource.id === order.id));

    expect((await deliver({ ...delivery, headers: { ...delivery.headers, 'paypal-transmission-sig': Buffer.from('forged').toString('base64') } })).status).toBe(400);
    expect((await app.request('GET', `${API}/payment/${payment.id}`, { token: user.accessToken })).body.data.status).toBe('UNPAID');

    expect((await deliver(delivery)).status).toBe(200);
    expect((await deliver(delivery)).status).toBe(200);
    expect((await app.request('GET', `${API}/payment/${payment.id}`, { token: user.accessToken })).body.data.status).toBe('PAID');
    expect((await app.request('GET', `${API}/booking/${booking._id}`, { token: user.accessToken })).body.data.status).toBe('COMPLETE');
    expect(paypal.orders.get(order.id)).toMatchObject({ status: 'COMPLETED', capture: expect.objectContaining({ status: 'COMPLETED' }) });
  }, 30_000);

  test('an admin refunds a PayPal payment in part and then the rest through the API: each refunded once on the capture, REFUNDED at the end, over-refund 409', async () => {
    const { app, admin, traveller, tour, book } = journey;
    const user = await traveller();
    const { booking, payment, paymentUrl } = (await book(user.accessToken, await tour(80))).body.data;
    const order = orderOf(paymentUrl);
    const returned = new URL(order.returnUrl);
    for (const [key, value] of Object.entries(paypal.approve(order.id))) returned.searchParams.set(key, value!);
    expect((await app.request('GET', returned.toString())).status).toBe(302);

    const refund = (body: object, key: string) => app.request('POST', `${API}/payment/${payment.id}/refund`, { token: admin.accessToken, body, headers: { 'idempotency-key': key } });
    expect((await refund({ amount: 30, reason: 'One day cut short' }, 'pp-1')).status).toBe(200);
    expect((await app.request('GET', `${API}/payment/${payment.id}`, { token: admin.accessToken })).body.data).toMatchObject({ status: 'PARTIALLY_REFUNDED', refundedAmount: 30 });
    expect((await refund({ amount: 60, reason: 'too much' }, 'pp-2')).status).toBe(409);
    expect((await refund({ reason: 'Tour cancelled' }, 'pp-3')).status).toBe(200);
    expect((await app.request('GET', `${API}/payment/${payment.id}`, { token: admin.accessToken })).body.data).toMatchObject({ status: 'REFUNDED', refundedAmount: 80 });
    expect((await app.request('GET', `${API}/booking/${booking._id}`, { token: user.accessToken })).body.data.status).toBe('CANCEL');
    const onPaypal = [...paypal.refunds.values()].filter((r) => r.captureId === paypal.orders.get(order.id)!.capture!.id);
    expect(onPaypal.map((r) => r.amount.value).sort()).toEqual(['30.00', '50.00']);
  }, 30_000);
});
