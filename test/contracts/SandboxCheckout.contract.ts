import { randomUUID } from 'node:crypto';
import type { PaymentGateway } from '../../src/application/ports/PaymentGateway';
import type { SandboxCheckout } from '../../src/application/ports/SandboxCheckout';
import { Payment } from '../../src/domain/payment/Payment';
import { Money } from '../../src/domain/shared/Money';

export interface SandboxCheckoutSubject {
  checkout: SandboxCheckout;
  /** The same adapter's gateway side, which opens the checkouts. */
  gateway: PaymentGateway;
}

const URLS = { success: 'https://app.test/payment/success', fail: 'https://app.test/payment/fail', cancel: 'https://app.test/payment/cancel', ipn: 'https://api.test/ipn' };
const customer = { name: 'Karim Uddin', email: 'karim@example.com', phone: '01711111111', address: 'Gulshan, Dhaka' };

function payment(): Payment {
  const id = randomUUID();
  return Payment.open({ id, bookingId: randomUUID(), transactionId: `TRX-${id}`, amount: Money.ofMinor(1_250_050, 'BDT'), gateway: 'sandbox', now: new Date('2026-03-01T10:00:00.000Z') });
}

/** What the sandbox checkout page relies on: it shows the checkout, records the customer's choice once, and sends them where the gateway would. */
export function describeSandboxCheckoutContract(name: string, make: () => Promise<SandboxCheckoutSubject>): void {
  describe(`SandboxCheckout contract: ${name}`, () => {
    let s: SandboxCheckoutSubject;
    beforeEach(async () => {
      s = await make();
    });
    const open = async (p = payment()) => (await s.gateway.createSession(p, customer, URLS)).sessionRef;

    test('describes an open checkout: what it charges and to whom; unknown ones are null', async () => {
      const p = payment();
      const id = await open(p);
      expect(await s.checkout.describe(id)).toEqual({ id, transactionId: p.transactionId, amount: p.amount, customerName: 'Karim Uddin', completed: false, superseded: false });
      expect(await s.checkout.describe(randomUUID())).toBeNull();
    });

    test.each([
      ['PAID', URLS.success, 'VALID'],
      ['FAILED', URLS.fail, 'FAILED'],
      ['CANCELLED', URLS.cancel, 'CANCELLED'],
    ] as const)('%s sends the customer to its landing page with the callback fields', async (outcome, landing, status) => {
      const p = payment();
      const id = await open(p);
      const target = new URL(await s.checkout.complete(id, outcome));
      expect(`${target.origin}${target.pathname}`).toBe(landing);
      expect(Object.fromEntries(target.searchParams)).toEqual(expect.objectContaining({ tran_id: p.transactionId, amount: '12500.50', currency: 'BDT', status, val_id: expect.any(String) }));
      expect((await s.gateway.check(Object.fromEntries(target.searchParams)))?.status).toBe(outcome);
      expect((await s.checkout.describe(id))?.completed).toBe(true);
    });

    test('a checkout completes once: again is SANDBOX.COMPLETED, an unknown one NotFound', async () => {
      const id = await open();
      await s.checkout.complete(id, 'FAILED');
      await expect(s.checkout.complete(id, 'PAID')).rejects.toMatchObject({ code: 'SANDBOX.COMPLETED' });
      await expect(s.checkout.complete(randomUUID(), 'PAID')).rejects.toMatchObject({ code: 'CHECKOUT_SESSION.NOT_FOUND' });
    });

    test('a newer checkout of the same payment supersedes the open one: it shows so and takes no money', async () => {
      const p = payment();
      const older = await open(p);
      const newer = await open(p);
      expect((await s.checkout.describe(older))?.superseded).toBe(true);
      expect((await s.checkout.describe(newer))?.superseded).toBe(false);
      await expect(s.checkout.complete(older, 'PAID')).rejects.toMatchObject({ code: 'SANDBOX.SUPERSEDED' });
      expect(new URL(await s.checkout.complete(newer, 'PAID')).pathname).toBe('/payment/success');
    });

    test('two completions of one checkout at once: one lands, the other is SANDBOX.COMPLETED', async () => {
      const id = await open();
      const outcomes = await Promise.allSettled([s.checkout.complete(id, 'PAID'), s.checkout.complete(id, 'CANCELLED')]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      expect(outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason.code] : []))).toEqual(['SANDBOX.COMPLETED']);
    });
  });
}
