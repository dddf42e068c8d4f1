import { GatewayCallback, PaymentGateway } from '../../src/application/ports/PaymentGateway';
import { Payment } from '../../src/domain/payment/Payment';
import { Money } from '../../src/domain/shared/Money';

export interface PaymentGatewaySubject {
  gateway: PaymentGateway;
  /** Plays the customer paying on the gateway's page; returns the success callback it sends. */
  pay(payment: Payment, sessionRef: string): Promise<GatewayCallback>;
  close(): Promise<void>;
}

const URLS = { success: 'http://shop.test/payment/success', fail: 'http://shop.test/payment/fail', cancel: 'http://shop.test/payment/cancel', ipn: 'http://shop.test/payment/validate-payment' };
const CUSTOMER = { name: 'Rahim Uddin', email: 'rahim@example.com', phone: '01712345678', address: 'Dhanmondi, Dhaka' };

let n = 0;
function payment(minor = 2_500_050): Payment {
  n += 1;
  return Payment.open({ id: `pay-${n}-${Date.now()}`, bookingId: `b-${n}`, transactionId: `TRXC${Date.now()}${n}`, amount: Money.ofMinor(minor, 'BDT'), gateway: 'x', now: new Date() });
}

/** What every gateway adapter promises ConfirmPayment: it vouches only for what really happened. */
export function describePaymentGatewayContract(name: string, make: () => Promise<PaymentGatewaySubject>): void {
  describe(`PaymentGateway contract: ${name}`, () => {
    let s: PaymentGatewaySubject;
    beforeAll(async () => {
      s = await make();
    });
    afterAll(async () => {
      await s.close();
    });

    test('createSession gives a URL to send the customer to and a reference', async () => {
      const session = await s.gateway.createSession(payment(), CUSTOMER, URLS);
      expect(session.paymentUrl).toMatch(/^https?:\/\//);
      expect(session.sessionRef).toBeTruthy();
    });

    test('a paid session verifies as PAID with our transaction id, amount and currency', async () => {
      const p = payment(1_234_567);
      const session = await s.gateway.createSession(p, CUSTOMER, URLS);
      const callback = await s.pay(p, session.sessionRef);
      const verified = await s.gateway.verify(callback);
      expect(verified).toEqual(expect.objectContaining({ transactionId: p.transactionId, status: 'PAID', valId: callback.val_id }));
      expect(verified!.amount.equals(p.amount)).toBe(true);
    });

    test('a made-up val_id is not vouched for', async () => {
      expect(await s.gateway.verify({ tran_id: 'TRX-NOPE', val_id: 'made-up-value', status: 'VALID', amount: '100.00' })).toBeNull();
      expect(await s.gateway.verify({ tran_id: 'TRX-NOPE', status: 'VALID' })).toBeNull();
    });

    test('the callback\'s own amount and status do not change what is vouched for', async () => {
      const p = payment(500_000);
      const session = await s.gateway.createSession(p, CUSTOMER, URLS);
      const callback = await s.pay(p, session.sessionRef);
      const verified = await s.gateway.verify({ ...callback, amount: '1.00', currency: 'USD', status: 'VALID' });
      expect(verified?.amount.equals(p.amount)).toBe(true);
    });
  });
}
