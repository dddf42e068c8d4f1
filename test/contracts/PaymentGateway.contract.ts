import type { GatewayCallback, PaymentGateway } from '../../src/application/ports/PaymentGateway';
import { Payment } from '../../src/domain/payment/Payment';
import { Money } from '../../src/domain/shared/Money';

export interface PaymentGatewaySubject {
  gateway: PaymentGateway;
  /** Plays the customer paying on the gateway's page; returns the success callback it sends. */
  pay(payment: Payment, sessionRef: string): Promise<GatewayCallback>;
  /** Runs `work` in the unit of work the gateway's `consume` joins (a plain call where there is none). */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  /** The gateway's proof can be spent (sandbox); SSLCommerz validates the same val_id again and again. */
  singleUse: boolean;
  /** The gateway can refuse money on a checkout a newer one replaced (sandbox); SSLCommerz cannot. */
  voidsSupersededCheckouts: boolean;
  close(): Promise<void>;
}

const URLS = { success: 'http://shop.test/payment/success', fail: 'http://shop.test/payment/fail', cancel: 'http://shop.test/payment/cancel', ipn: 'http://shop.test/payment/validate-payment' };
const CUSTOMER = { name: 'Rahim Uddin', email: 'rahim@example.com', phone: '01712345678', address: 'Dhanmondi, Dhaka' };

let n = 0;
function payment(minor = 2_500_050): Payment {
  n += 1;
  return Payment.open({ id: `pay-${n}-${Date.now()}`, bookingId: `b-${n}`, transactionId: `TRXC${Date.now()}${n}`, amount: Money.ofMinor(minor, 'BDT'), gateway: 'x', now: new Date() });
}

/** What every gateway adapter promises ConfirmPayment: it vouches only for what really happened, and spends nothing until asked to inside our commit. */
export function describePaymentGatewayContract(name: string, make: () => Promise<PaymentGatewaySubject>): void {
  describe(`PaymentGateway contract: ${name}`, () => {
    let s: PaymentGatewaySubject;
    beforeAll(async () => {
      s = await make();
    });
    afterAll(async () => {
      await s.close();
    });

    async function paid(minor?: number) {
      const p = payment(minor);
      const session = await s.gateway.createSession(p, CUSTOMER, URLS);
      return { p, callback: await s.pay(p, session.sessionRef) };
    }

    test('createSession gives a URL to send the customer to and a reference', async () => {
      const session = await s.gateway.createSession(payment(), CUSTOMER, URLS);
      expect(session.paymentUrl).toMatch(/^https?:\/\//);
      expect(session.sessionRef).toBeTruthy();
    });

    test('a paid session checks as PAID with our transaction id, amount and currency', async () => {
      const { p, callback } = await paid(1_234_567);
      const verified = await s.gateway.check(callback);
      expect(verified).toEqual(expect.objectContaining({ transactionId: p.transactionId, status: 'PAID', valId: callback.val_id }));
      expect(verified!.amount.equals(p.amount)).toBe(true);
    });

    test('a made-up val_id is not vouched for', async () => {
      expect(await s.gateway.check({ tran_id: 'TRX-NOPE', val_id: 'made-up-value', status: 'VALID', amount: '100.00' })).toBeNull();
      expect(await s.gateway.check({ tran_id: 'TRX-NOPE', status: 'VALID' })).toBeNull();
    });

    test('the callback\'s own amount and status do not change what is vouched for', async () => {
      const { p, callback } = await paid(500_000);
      const verified = await s.gateway.check({ ...callback, amount: '1.00', currency: 'USD', status: 'VALID' });
      expect(verified?.amount.equals(p.amount)).toBe(true);
    });

    test('check is read-only: checking again vouches again', async () => {
      const { p, callback } = await paid();
      expect((await s.gateway.check(callback))?.transactionId).toBe(p.transactionId);
      expect((await s.gateway.check(callback))?.transactionId).toBe(p.transactionId);
    });

    test('consume in a unit of work that rolls back spends nothing; committed, it spends a single-use proof', async () => {
      const { p, callback } = await paid();
      const verified = (await s.gateway.check(callback))!;
      await expect(s.transaction(async () => {
        await s.gateway.consume(verified);
        throw new Error('the confirmation failed before its commit');
      })).rejects.toThrow('before its commit');
      expect((await s.gateway.check(callback))?.transactionId).toBe(p.transactionId);
      await s.transaction(() => s.gateway.consume(verified));
      const again = await s.gateway.check(callback);
      if (s.singleUse) expect(again).toBeNull();
      else expect(again?.transactionId).toBe(p.transactionId);
    });

    test('lookup by our transaction id: nothing before the customer pays, the payment after, also once its proof is spent', async () => {
      const p = payment(777_700);
      const session = await s.gateway.createSession(p, CUSTOMER, URLS);
      expect(await s.gateway.lookup(p.transactionId)).toBeNull();
      const callback = await s.pay(p, session.sessionRef);
      const found = await s.gateway.lookup(p.transactionId);
      expect(found).toEqual(expect.objectContaining({ transactionId: p.transactionId, status: 'PAID' }));
      expect(found!.amount.equals(p.amount)).toBe(true);
      const verified = (await s.gateway.check(callback))!;
      await s.transaction(() => s.gateway.consume(verified));
      expect((await s.gateway.lookup(p.transactionId))?.status).toBe('PAID');
      expect(await s.gateway.lookup('TRX-NEVER-OPENED')).toBeNull();
    });

    test('a checkout replaced by a newer one for the same payment: refused if the gateway can, else found by lookup', async () => {
      const p = payment(300_000);
      const first = await s.gateway.createSession(p, CUSTOMER, URLS);
      const firstTransaction = p.transactionId;
      p.restartSession(`${firstTransaction}N`, new Date());
      await s.gateway.createSession(p, CUSTOMER, URLS);
      const stale = Payment.restore({ ...p.toProps(), transactionId: firstTransaction });
      if (s.voidsSupersededCheckouts) {
        await expect(s.pay(stale, first.sessionRef)).rejects.toThrow(expect.objectContaining({ code: 'SANDBOX.SUPERSEDED' }));
        expect(await s.gateway.lookup(firstTransaction)).toBeNull();
      } else {
        await s.pay(stale, first.sessionRef);
        expect((await s.gateway.lookup(firstTransaction))?.status).toBe('PAID');
      }
    });
  });
}
