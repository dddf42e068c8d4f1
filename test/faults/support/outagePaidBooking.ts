import { TourMother } from '../../mothers/TourMother';
import type { TestApp } from '../../support/testApp';
import { verifiedTraveller } from '../../support/travellers';

const PHONE = { phone: '01712345678', address: 'House 1, Road 2, Dhaka' };

/**
 * A traveller books a seat and pays on the sandbox checkout page, through the app's HTTP API, so the
 * payment is PAID and its jobs (invoice, confirmation mail) are queued. Answers what the jobs act on.
 */
export async function paidBooking(app: TestApp): Promise<{ paymentId: string; email: string }> {
  const tour = await TourMother.insert(app.server.root.database, { maxGuest: 10 });
  const traveller = await verifiedTraveller(app, PHONE);
  const booked = await app.request('POST', '/api/v1/booking', { token: traveller.token, body: { tour: tour.id, guestCount: 1 } });
  if (booked.status !== 201) throw new Error(`booking failed: ${booked.status} ${JSON.stringify(booked.body)}`);
  const { payment, paymentUrl } = booked.body.data;
  const page = await app.request('GET', new URL(paymentUrl).pathname);
  const action = /action="([^"]+)"/.exec(page.body)![1].replace(/&#x3D;/g, '=');
  const paid = await app.request('POST', action, { body: 'outcome=PAID', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  const callback = new URL(paid.headers.get('location')!);
  const landed = await app.request('GET', callback.pathname + callback.search);
  if (new URL(landed.headers.get('location')!).searchParams.get('status') !== 'PAID') throw new Error(`payment not PAID: ${landed.headers.get('location')}`);
  return { paymentId: payment.id, email: traveller.email };
}
