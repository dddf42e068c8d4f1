import { createHmac, timingSafeEqual } from 'node:crypto';
import type {
  CallbackUrls, GatewayCallback, GatewayEvent, GatewaySession, PaymentCustomer, PaymentGateway, RefundOutcome, RefundRequest, WebhookDelivery,
} from '../../src/application/ports/PaymentGateway';
import type { Payment, VerifiedPayment } from '../../src/domain/payment/Payment';
import { Conflict, DependencyUnavailable } from '../../src/domain/shared/errors';
import type { Money } from '../../src/domain/shared/Money';
import { TransactionalTable } from './TransactionalTable';

interface Session {
  ref: string;
  paymentId: string;
  transactionId: string;
  amount: Money;
  urls: CallbackUrls;
  completed: boolean;
  voided: boolean;
}

/**
 * A gateway in memory, single-use like the sandbox. `pay`/`decline`/`cancel` play the customer and
 * return the callback the gateway would send (refused on a checkout a newer one voided); `check`
 * answers from the gateway's own records until `consume` spends the val_id, which rolls back with
 * the InMemoryUnitOfWork it ran in. `lookup` is its
 * transaction query. `vouchFor` makes it confirm something else, to test mismatches.
 * Refunds follow the sandbox's amount markers (.77 pending until asked or notified, .99 declined),
 * idempotent on our refund id; `refunds` records every one the gateway took. Webhooks are JSON
 * signed with an HMAC of the body (`x-fake-signature`), made by `webhook`.
 */
export class FakePaymentGateway implements PaymentGateway {
  readonly name = 'fake';
  currencies: readonly string[] | 'any' = 'any';
  readonly sessions: Session[] = [];
  /** Every refund the gateway took, by our refund id (what it really gave back). */
  readonly refunds = new Map<string, RefundOutcome & { amount: Money; paymentRef: string }>();
  /** Calls to `refund`, retries included. */
  refundCalls = 0;
  private readonly outcomes = new Map<string, VerifiedPayment>();
  private readonly spent = new TransactionalTable<{ at: true }>();
  private down = false;
  private n = 0;

  async createSession(payment: Payment, _customer: PaymentCustomer, urls: CallbackUrls): Promise<GatewaySession> {
    if (this.down) throw new DependencyUnavailable('payment gateway');
    for (const older of this.sessions.filter((s) => s.paymentId === payment.id && !s.completed)) older.voided = true;
    this.n += 1;
    const ref = `fake-session-${this.n}`;
    this.sessions.push({ ref, paymentId: payment.id, transactionId: payment.transactionId, amount: payment.amount, urls, completed: false, voided: false });
    return { paymentUrl: `https://gateway.test/checkout/${ref}`, sessionRef: ref };
  }

  async check(callback: GatewayCallback): Promise<VerifiedPayment | null> {
    if (this.down) throw new DependencyUnavailable('payment gateway');
    const valId = callback.val_id ?? '';
    return this.spent.has(valId) ? null : (this.outcomes.get(valId) ?? null);
  }

  async consume(verified: VerifiedPayment): Promise<void> {
    await this.spent.set(verified.valId, { at: true });
  }

  async lookup(attempt: { transactionId: string }): Promise<VerifiedPayment | null> {
    if (this.down) throw new DependencyUnavailable('payment gateway');
    return [...this.outcomes.values()].reverse().find((v) => v.transactionId === attempt.transactionId && v.status === 'PAID')
      ?? [...this.outcomes.values()].reverse().find((v) => v.transactionId === attempt.transactionId) ?? null;
  }

  async refund(request: RefundRequest): Promise<RefundOutcome> {
    this.refundCalls += 1;
    if (this.down) throw new DependencyUnavailable('payment gateway');
    const known = this.refunds.get(request.refundId);
    if (known) return outcomeOf(known);
    const paid = [...this.outcomes.values()].find((v) => v.paymentRef === request.paymentRef && v.status === 'PAID' && v.transactionId === request.transactionId);
    const given = [...this.refunds.values()].filter((r) => r.paymentRef === request.paymentRef && r.state !== 'FAILED').reduce((sum, r) => sum + r.amount.minor, 0);
    const marker = request.amount.minor % 100;
    const failureReason = !paid ? 'no money taken on this payment' : given + request.amount.minor > paid.amount.minor ? 'more than is left' : marker === 99 ? 'declined' : undefined;
    const state = failureReason ? 'FAILED' : marker === 77 ? 'PENDING' : 'COMPLETED';
    const refund = { refundId: request.refundId, gatewayRefundId: failureReason ? null : `fake-refund-${request.refundId}`, state, failureReason, amount: request.amount, paymentRef: request.paymentRef } as const;
    this.refunds.set(request.refundId, refund);
    return outcomeOf(refund);
  }

  async refundStatus(refund: { refundId: string }): Promise<RefundOutcome> {
    if (this.down) throw new DependencyUnavailable('payment gateway');
    const known = this.settle(refund.refundId);
    return known ? outcomeOf(known) : { refundId: refund.refundId, gatewayRefundId: null, state: 'FAILED', failureReason: 'no such refund' };
  }

  async verifyWebhook(delivery: WebhookDelivery): Promise<GatewayEvent | null> {
    if (this.down) throw new DependencyUnavailable('payment gateway');
    const signature = Buffer.from(delivery.headers['x-fake-signature'] ?? '', 'hex');
    const expected = sign(delivery.rawBody);
    if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) return null;
    const event = JSON.parse(delivery.rawBody.toString('utf8')) as { id: string; type: string; data: { id: string } };
    if (event.type === 'payment.completed') {
      const verified = await this.lookup({ transactionId: event.data.id });
      if (verified) return { kind: 'payment', eventId: event.id, verified };
    }
    const refund = event.type === 'refund.updated' ? this.refunds.get(event.data.id) : undefined;
    if (refund) return { kind: 'refund', eventId: event.id, outcome: outcomeOf(refund) };
    return { kind: 'ignored', eventId: event.id, type: event.type };
  }

  /** The delivery the gateway sends for an event (a pending refund is confirmed first). */
  webhook(type: string, id: string, eventId = `evt-${(this.n += 1)}`): WebhookDelivery {
    if (type === 'refund.updated') this.settle(id);
    const rawBody = Buffer.from(JSON.stringify({ id: eventId, type, data: { id } }));
    return { rawBody, headers: { 'x-fake-signature': sign(rawBody).toString('hex') } };
  }

  private settle(refundId: string) {
    const known = this.refunds.get(refundId);
    if (known?.state === 'PENDING') this.refunds.set(refundId, { ...known, state: 'COMPLETED' });
    return this.refunds.get(refundId);
  }

  pay(transactionId: string): GatewayCallback {
    return this.complete(transactionId, 'PAID');
  }

  decline(transactionId: string): GatewayCallback {
    return this.complete(transactionId, 'FAILED');
  }

  cancel(transactionId: string): GatewayCallback {
    return this.complete(transactionId, 'CANCELLED');
  }

  /** The gateway vouches for exactly `verified` under a new val_id. */
  vouchFor(verified: Omit<VerifiedPayment, 'valId' | 'paymentRef'>): GatewayCallback {
    this.n += 1;
    const valId = `fake-val-${this.n}`;
    this.outcomes.set(valId, { ...verified, valId, paymentRef: verified.status === 'PAID' ? `fake-charge-${this.n}` : '' });
    return { tran_id: verified.transactionId, val_id: valId, amount: verified.amount.major.toFixed(2), status: 'VALID' };
  }

  unavailable(down = true): void {
    this.down = down;
  }

  private complete(transactionId: string, status: VerifiedPayment['status']): GatewayCallback {
    const session = [...this.sessions].reverse().find((s) => s.transactionId === transactionId);
    if (!session) throw new Error(`no session for ${transactionId}`);
    if (session.voided) throw new Conflict('This checkout was replaced by a newer one; pay there', 'SANDBOX.SUPERSEDED');
    if (session.completed) throw new Conflict('This checkout is already completed', 'SANDBOX.COMPLETED');
    session.completed = true;
    return this.vouchFor({ transactionId, amount: session.amount, status });
  }
}

function sign(body: Buffer): Buffer {
  return createHmac('sha256', 'fake-webhook-secret').update(body).digest();
}

function outcomeOf(refund: RefundOutcome): RefundOutcome {
  return { refundId: refund.refundId, gatewayRefundId: refund.gatewayRefundId, state: refund.state, ...(refund.failureReason ? { failureReason: refund.failureReason } : {}) };
}
