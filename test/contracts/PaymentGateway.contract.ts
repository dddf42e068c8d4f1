import type { GatewayCallback, PaymentGateway, RefundOutcome, WebhookDelivery } from '../../src/application/ports/PaymentGateway';
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
  /** Refund amounts (minor units) the gateway completes, keeps pending until asked again, or declines. */
  refundAmounts: { complete: number; pending: number; decline: number };
  /** Every refund is PENDING at first and confirmed through refundStatus (SSLCommerz). */
  refundsConfirmLater: boolean;
  /** The delivery the gateway sends when `payment` was paid (`callback` is what its redirect carried). */
  paymentDelivery(payment: Payment, callback: GatewayCallback): Promise<WebhookDelivery>;
  /** The delivery it sends when a refund changed; null for gateways that send none (SSLCommerz). */
  refundDelivery(refundId: string): Promise<WebhookDelivery> | null;
  /** The same delivery with its proof forged (a wrong signature, a made-up val_id). */
  misSigned(delivery: WebhookDelivery): WebhookDelivery;
  /** The same delivery with its proof left out. */
  unsigned(delivery: WebhookDelivery): WebhookDelivery;
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

    const lookup = (transactionId: string) => s.gateway.lookup({ transactionId, gatewayRef: null });

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
      expect(await lookup(p.transactionId)).toBeNull();
      const callback = await s.pay(p, session.sessionRef);
      const found = await lookup(p.transactionId);
      expect(found).toEqual(expect.objectContaining({ transactionId: p.transactionId, status: 'PAID' }));
      expect(found!.amount.equals(p.amount)).toBe(true);
      const verified = (await s.gateway.check(callback))!;
      await s.transaction(() => s.gateway.consume(verified));
      expect((await lookup(p.transactionId))?.status).toBe('PAID');
      expect(await lookup('TRX-NEVER-OPENED')).toBeNull();
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
        expect(await lookup(firstTransaction)).toBeNull();
      } else {
        await s.pay(stale, first.sessionRef);
        expect((await lookup(firstTransaction))?.status).toBe('PAID');
      }
    });

    describe('refunds', () => {
      let r = 0;
      const refundId = () => `rf-${Date.now()}-${(r += 1)}`;
      /** A paid payment of `minor` and what a refund of it names. */
      async function taken(minor: number) {
        const { p, callback } = await paid(minor);
        const verified = (await s.gateway.check(callback))!;
        expect(verified.paymentRef).toBeTruthy();
        return { p, transactionId: p.transactionId, paymentRef: verified.paymentRef };
      }
      const ask = (money: { transactionId: string; paymentRef: string }, minor: number, id = refundId()) =>
        s.gateway.refund({ refundId: id, ...money, amount: Money.ofMinor(minor, 'BDT'), reason: 'Traveller cancelled' });
      /** Asks refundStatus until the gateway has a final word (at most three times). */
      async function settled(money: { transactionId: string; paymentRef: string }, outcome: RefundOutcome): Promise<RefundOutcome> {
        let now = outcome;
        for (let i = 0; i < 3 && now.state === 'PENDING'; i += 1) now = await s.gateway.refundStatus({ ...money, refundId: outcome.refundId, gatewayRefundId: now.gatewayRefundId });
        return now;
      }

      test('a refund the gateway completes: at once, or confirmed by refundStatus where it always confirms later', async () => {
        const money = await taken(s.refundAmounts.complete * 2);
        const outcome = await ask(money, s.refundAmounts.complete);
        expect(outcome.state).toBe(s.refundsConfirmLater ? 'PENDING' : 'COMPLETED');
        expect(outcome.gatewayRefundId).toBeTruthy();
        expect(await settled(money, outcome)).toEqual(expect.objectContaining({ refundId: outcome.refundId, state: 'COMPLETED' }));
      });

      test('a pending refund stays PENDING until the gateway confirms it through refundStatus', async () => {
        const money = await taken(s.refundAmounts.pending * 2);
        const outcome = await ask(money, s.refundAmounts.pending);
        expect(outcome.state).toBe('PENDING');
        expect((await settled(money, outcome)).state).toBe('COMPLETED');
      });

      test('a retry with the same refund id refunds once: the same answer, and the money is not given twice', async () => {
        const money = await taken(s.refundAmounts.complete);
        const id = refundId();
        const first = await ask(money, s.refundAmounts.complete, id);
        const retry = await ask(money, s.refundAmounts.complete, id);
        expect(retry.refundId).toBe(id);
        expect(retry.gatewayRefundId).toBe(first.gatewayRefundId);
        expect(retry.state).not.toBe('FAILED');
        const again = await settled(money, await ask(money, s.refundAmounts.complete));
        expect(again.state).toBe('FAILED');
      });

      test('a refund the gateway declines, or one of more than was paid, is FAILED with a reason', async () => {
        const declinedMoney = await taken(s.refundAmounts.decline * 2);
        const declined = await settled(declinedMoney, await ask(declinedMoney, s.refundAmounts.decline));
        expect(declined).toEqual(expect.objectContaining({ state: 'FAILED', failureReason: expect.any(String) }));
        const money = await taken(s.refundAmounts.complete);
        const tooMuch = await settled(money, await ask(money, s.refundAmounts.complete + 100));
        expect(tooMuch.state).toBe('FAILED');
        expect(tooMuch.failureReason).toBeTruthy();
      });
    });

    describe('webhooks', () => {
      test('a genuine payment delivery is vouched for, under an event id that stays the same for a duplicate', async () => {
        const { p, callback } = await paid(432_100);
        const delivery = await s.paymentDelivery(p, callback);
        const event = await s.gateway.verifyWebhook(delivery);
        expect(event).toEqual(expect.objectContaining({ kind: 'payment', eventId: expect.any(String) }));
        if (event?.kind !== 'payment') throw new Error('not a payment event');
        expect(event.verified).toEqual(expect.objectContaining({ transactionId: p.transactionId, status: 'PAID' }));
        expect(event.verified.amount.equals(p.amount)).toBe(true);
        const duplicate = await s.gateway.verifyWebhook(delivery);
        expect(duplicate?.eventId).toBe(event.eventId);
      });

      test('a mis-signed or unsigned delivery is not vouched for', async () => {
        const { p, callback } = await paid(432_200);
        const delivery = await s.paymentDelivery(p, callback);
        expect(await s.gateway.verifyWebhook(s.misSigned(delivery))).toBeNull();
        expect(await s.gateway.verifyWebhook(s.unsigned(delivery))).toBeNull();
        expect(await s.gateway.verifyWebhook({ rawBody: Buffer.from('not a delivery at all'), headers: {} })).toBeNull();
      });

      test('a refund delivery, where the gateway sends them, names our refund and its outcome', async () => {
        const { p, callback } = await paid(s.refundAmounts.pending * 2);
        const verified = (await s.gateway.check(callback))!;
        const outcome = await s.gateway.refund({ refundId: `rf-hook-${p.id}`, transactionId: p.transactionId, paymentRef: verified.paymentRef, amount: Money.ofMinor(s.refundAmounts.pending, 'BDT'), reason: 'Tour cancelled' });
        const delivery = s.refundDelivery(outcome.refundId);
        if (!delivery) {
          expect(s.refundsConfirmLater).toBe(true);
          return;
        }
        const event = await s.gateway.verifyWebhook(await delivery);
        expect(event).toEqual(expect.objectContaining({ kind: 'refund', outcome: expect.objectContaining({ refundId: outcome.refundId, state: 'COMPLETED' }) }));
        expect(await s.gateway.verifyWebhook(s.misSigned(await delivery))).toBeNull();
      });
    });
  });
}
