import type { TestApp } from './testApp';

const pathOf = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.search;
};

/** Books `guestCount` seats of `tourId` as the traveller and pays on the sandbox checkout page, following its redirect back to us. */
export async function bookAndPayOnSandbox(app: TestApp, token: string, tourId: string, guestCount: number): Promise<{ bookingId: string; paymentId: string; transactionId: string }> {
  const created = await app.request('POST', '/api/v1/booking', { token, body: { tour: tourId, guestCount } });
  if (created.status !== 201) throw new Error(`booking failed: ${JSON.stringify(created.body)}`);
  const { booking, payment, paymentUrl } = created.body.data as { booking: { _id: string }; payment: { _id: string; transactionId: string }; paymentUrl: string };
  const page = await app.request('GET', pathOf(paymentUrl));
  const action = /action="([^"]+)"/.exec(page.body as string)![1].replace(/&#x3D;/g, '=');
  const done = await app.request('POST', action, { body: 'outcome=PAID', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  await app.request('GET', pathOf(done.headers.get('location')!));
  return { bookingId: booking._id, paymentId: payment._id, transactionId: payment.transactionId };
}
