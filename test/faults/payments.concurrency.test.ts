import { TourMother } from '../mothers/TourMother';
import { databaseKinds } from '../support/databases';
import type { Reply} from './support/paymentsFaults';
import { landingPage, moneyLedger, useAppOnStore } from './support/paymentsFaults';

const FLOWS = 250;
const LANES = 8;

/**
 * Many travellers booking and paying one tour at once, through HTTP, with the worker running:
 * the load under which the old lock order deadlocked and lost paid payments (issue 11).
 */
describe.each(databaseKinds())('concurrent book-and-pay on one tour (%s)', (kind) => {
  // The worker runs (outbox jobs, expiring holds, reconciliation) but renders no PDFs: with
  // CHROME_PATH=/bin/false its invoice jobs fail at once and wait for a retry, leaving the CPU to
  // the purchases; they are counted in the outbox all the same.
  const t = useAppOnStore(kind, { env: { WORKER_CONCURRENCY: '1', CHROME_PATH: '/bin/false' } });

  test(`${FLOWS} purchases, ${LANES} at once: no 5xx, no money lost, one verdict and one set of jobs per payment`, async () => {
    const db = t.db();
    const shop = t.shop();
    const tour = await TourMother.insert(db, { maxGuest: 10_000 });
    const tokens = await Promise.all(Array.from({ length: LANES }, (_, i) => shop.traveller(db, `lane${i}`)));
    const replies: Reply[] = [];
    const seen = (reply: Reply) => (replies.push(reply), reply);
    const landings: string[] = [];
    const planned = { paid: 0, failed: 0, cancelled: 0 };
    let next = 0;

    await Promise.all(tokens.map(async (token) => {
      while (next < FLOWS) {
        const flow = next++;
        const booked = seen(await shop.book(token, tour.id));
        if (booked.status !== 201) continue;
        const { booking, paymentUrl } = booked.body.data;
        if (flow % 10 === 0) {
          // A second checkout, paid there; the first one was voided.
          const again = seen(await shop.initPayment(token, booking._id));
          const callback = seen(await shop.sandbox(again.body.data.paymentUrl, 'PAID')).location!;
          landings.push(landingPage(seen(await shop.redirect(callback))));
          planned.paid += 1;
        } else if (flow % 10 === 1) {
          const callback = seen(await shop.sandbox(paymentUrl, 'FAILED')).location!;
          (await Promise.all([shop.redirect(callback), shop.ipn(callback)])).forEach(seen);
          planned.failed += 1;
        } else if (flow % 10 === 2) {
          seen(await shop.request('PATCH', `/api/v1/booking/${booking._id}/status`, { token, json: { status: 'CANCEL' } }));
          planned.cancelled += 1;
        } else {
          // The browser's redirect and the gateway's IPN race for the same checkout.
          const callback = seen(await shop.sandbox(paymentUrl, 'PAID')).location!;
          const [redirect, ipn] = await Promise.all([shop.redirect(callback), shop.ipn(callback)]);
          seen(ipn);
          landings.push(landingPage(seen(redirect)));
          planned.paid += 1;
        }
      }
    }));

    expect(replies.filter((r) => r.status >= 500).map((r) => [r.status, r.body])).toEqual([]);
    expect(replies.filter((r) => r.status === 201)).toHaveLength(FLOWS);
    expect(planned.paid).toBeGreaterThanOrEqual(200);
    expect(landings.filter((page) => page !== '/payment/success')).toEqual([]);
    expect(await moneyLedger(db)).toEqual({ taken: planned.paid, lost: 0, paidPayments: planned.paid, refundDue: 0, invoiceJobMismatches: 0, confirmationJobMismatches: 0 });
    const statuses = await db.dataSource.query('SELECT b.status AS status, COUNT(*) AS n FROM bookings b WHERE b.tourId = ? GROUP BY b.status', [tour.id]);
    expect(Object.fromEntries(statuses.map((r: { status: string; n: unknown }) => [r.status, Number(r.n)])))
      .toEqual({ COMPLETE: planned.paid, FAILED: planned.failed, CANCEL: planned.cancelled });
    // One recorded verdict per checkout the gateway completed: the racing loser changed nothing.
    const events = await db.dataSource.query('SELECT COUNT(*) AS n FROM payment_events');
    expect(Number(events[0].n)).toBe(planned.paid + planned.failed);
  }, 600_000);
});
