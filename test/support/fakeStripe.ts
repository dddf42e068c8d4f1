import { createHmac } from 'node:crypto';
import type { GatewayCallback, WebhookDelivery } from '../../src/application/ports/PaymentGateway';
import type { StripeSettings } from '../../src/infrastructure/payment/StripeGateway';
import type { ApiRequest, ApiResponse } from './fakeApiServer';
import { FakeApiServer, randomId } from './fakeApiServer';

type Fields = { [key: string]: string | Fields };

interface StripeSession {
  id: string;
  object: 'checkout.session';
  mode: string;
  status: 'open' | 'complete' | 'expired';
  payment_status: 'unpaid' | 'paid';
  amount_total: number;
  currency: string;
  client_reference_id: string | null;
  customer_email: string | null;
  metadata: Record<string, string>;
  payment_intent: string | null;
  success_url: string;
  cancel_url: string;
  url: string;
  created: number;
  expires_at: number;
}

interface StripeRefund {
  id: string;
  object: 'refund';
  amount: number;
  currency: string;
  payment_intent: string;
  charge: string;
  status: 'pending' | 'succeeded' | 'failed';
  failure_reason?: string;
  metadata: Record<string, string>;
  created: number;
}

interface StripeCharge {
  id: string;
  payment_intent: string;
  amount: number;
  currency: string;
  /** Given back or on its way (pending refunds hold their amount). */
  amount_refunded: number;
}

/** `line_items[0][price_data][currency]=usd` as nested objects (Stripe's form encoding). */
function parseForm(body: string): Fields {
  const root: Fields = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = [...key.matchAll(/[^[\]]+/g)].map((m) => m[0]);
    let node = root;
    for (const part of path.slice(0, -1)) node = (node[part] ??= {}) as Fields;
    node[path.at(-1)!] = value;
  }
  return root;
}

const text = (fields: Fields | string | undefined): string => (typeof fields === 'string' ? fields : '');
const group = (fields: Fields | string | undefined): Fields => (fields && typeof fields === 'object' ? fields : {});
const missing = (what: string): ApiResponse => ({ status: 404, body: { error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such ${what}` } } });
const invalid = (code: string, message: string): ApiResponse => ({ status: 400, body: { error: { type: 'invalid_request_error', code, message } } });

/**
 * The parts of the Stripe API the adapter uses, on a local port, for the official SDK pointed at
 * it: Checkout Sessions (create, retrieve), Refunds (create, retrieve, list) with Stripe's
 * Idempotency-Key replay, and webhook deliveries signed like Stripe's (`t=…,v1=HMAC-SHA256`).
 * `pay`, `payLater`/`settleLater`, `expire` play the customer; `asyncRefunds` makes refunds answer
 * `pending` until `settleRefunds`. Like Stripe, it takes money on any open session.
 */
export class FakeStripe extends FakeApiServer {
  readonly secretKey = 'sk_test_fake_0123456789';
  readonly webhookSecret = 'whsec_fake_0123456789abcdef';
  readonly sessions = new Map<string, StripeSession>();
  readonly refunds = new Map<string, StripeRefund>();
  readonly charges = new Map<string, StripeCharge>();
  /** Every event Stripe would have delivered, in the order it happened. */
  readonly events: { id: string; type: string; created: number; data: { object: unknown } }[] = [];
  asyncRefunds = false;
  /** Refund amounts (Stripe units) the bank answers later: pending, then this outcome when the refund is next read. */
  readonly refundOutcomes = new Map<number, 'succeeded' | 'failed'>();
  /** Stripe's clock for signatures and `created`, in seconds. */
  now = (): number => Math.floor(Date.now() / 1000);
  protected readonly idempotencyHeader = 'idempotency-key';

  settings(overrides: Partial<StripeSettings> = {}): StripeSettings {
    return { secretKey: this.secretKey, webhookSecret: this.webhookSecret, api: { host: '127.0.0.1', port: this.port, protocol: 'http' }, timeoutMs: 1000, maxNetworkRetries: 2, ...overrides };
  }

  /** The customer pays on the session's page; returns the query Stripe redirects to success_url with. */
  pay(sessionId: string): GatewayCallback {
    const session = this.complete(sessionId, 'paid');
    this.emit('checkout.session.completed', session);
    return Object.fromEntries(new URL(session.success_url.replace('{CHECKOUT_SESSION_ID}', session.id)).searchParams);
  }

  /** A delayed method (bank debit): the checkout completes unpaid; `settleLater` decides it. */
  payLater(sessionId: string): GatewayCallback {
    const session = this.complete(sessionId, 'unpaid');
    this.emit('checkout.session.completed', session);
    return Object.fromEntries(new URL(session.success_url.replace('{CHECKOUT_SESSION_ID}', session.id)).searchParams);
  }

  settleLater(sessionId: string, succeeded: boolean): void {
    const session = this.session(sessionId);
    if (succeeded) {
      session.payment_status = 'paid';
      this.openCharge(session);
    }
    this.emit(succeeded ? 'checkout.session.async_payment_succeeded' : 'checkout.session.async_payment_failed', session);
  }

  expire(sessionId: string): void {
    const session = this.session(sessionId);
    if (session.status !== 'open') throw new Error(`session ${sessionId} is ${session.status}`);
    session.status = 'expired';
    this.emit('checkout.session.expired', session);
  }

  /** The bank answers the pending refunds. */
  settleRefunds(status: 'succeeded' | 'failed' = 'succeeded'): void {
    for (const refund of [...this.refunds.values()].filter((r) => r.status === 'pending')) this.settle(refund, status);
  }

  /** The latest event of `type`, about the object `about` picks when given. */
  lastEvent(type: string, about: (object: Record<string, unknown>) => boolean = () => true): { id: string } {
    const event = this.events.filter((e) => e.type === type && about(e.data.object as Record<string, unknown>)).at(-1);
    if (!event) throw new Error(`no ${type} event`);
    return event;
  }

  /** The delivery of one event as Stripe posts it; `signedAt` (seconds) and `secret` forge it. */
  delivery(event: { id: string; [field: string]: unknown }, options: { signedAt?: number; secret?: string } = {}): WebhookDelivery {
    const payload = JSON.stringify({ object: 'event', api_version: '2026-10-28.endive', livemode: false, pending_webhooks: 1, ...event });
    const t = options.signedAt ?? this.now();
    const v1 = createHmac('sha256', options.secret ?? this.webhookSecret).update(`${t}.${payload}`).digest('hex');
    return { rawBody: Buffer.from(payload), headers: { 'content-type': 'application/json', 'stripe-signature': `t=${t},v1=${v1}` } };
  }

  protected errorBody(status: number): unknown {
    return { error: { type: 'api_error', message: `An unexpected error occurred (${status})` } };
  }

  protected route(request: ApiRequest): ApiResponse {
    if (request.headers.authorization !== `Bearer ${this.secretKey}`) {
      return { status: 401, body: { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } } };
    }
    const id = /^\/v1\/(checkout\/sessions|refunds)\/([^/]+)$/.exec(request.path);
    if (request.method === 'POST' && request.path === '/v1/checkout/sessions') return this.createSession(parseForm(request.body));
    if (request.method === 'GET' && id?.[1] === 'checkout/sessions') {
      const session = this.sessions.get(id[2]);
      return session ? { status: 200, body: session } : missing(`checkout.session: '${id[2]}'`);
    }
    if (request.method === 'POST' && request.path === '/v1/refunds') return this.createRefund(parseForm(request.body));
    if (request.method === 'GET' && id?.[1] === 'refunds') {
      const refund = this.refunds.get(id[2]);
      if (refund) this.answerLater(refund);
      return refund ? { status: 200, body: refund } : missing(`refund: '${id[2]}'`);
    }
    if (request.method === 'GET' && request.path === '/v1/refunds') {
      const data = [...this.refunds.values()].filter((r) => r.payment_intent === request.query.get('payment_intent')).reverse();
      return { status: 200, body: { object: 'list', data, has_more: false, url: '/v1/refunds' } };
    }
    return missing(`route: ${request.method} ${request.path}`);
  }

  private createSession(form: Fields): ApiResponse {
    const item = group(group(form.line_items)['0']);
    const price = group(item.price_data);
    const unitAmount = Number(text(price.unit_amount));
    const quantity = Number(text(item.quantity) || '1');
    if (text(form.mode) !== 'payment' || !Number.isSafeInteger(unitAmount) || !/^[a-z]{3}$/.test(text(price.currency))) {
      return invalid('parameter_invalid', 'mode=payment with line_items[0][price_data] (currency, unit_amount) is required');
    }
    if (!text(form.success_url)) return invalid('parameter_missing', 'Missing required param: success_url.');
    const id = randomId('cs_test_');
    const session: StripeSession = {
      id, object: 'checkout.session', mode: 'payment', status: 'open', payment_status: 'unpaid', amount_total: unitAmount * quantity, currency: text(price.currency),
      client_reference_id: text(form.client_reference_id) || null, customer_email: text(form.customer_email) || null,
      metadata: Object.fromEntries(Object.entries(group(form.metadata)).map(([k, v]) => [k, text(v)])), payment_intent: null,
      success_url: text(form.success_url), cancel_url: text(form.cancel_url), url: `${this.url}/c/pay/${id}`, created: this.now(), expires_at: this.now() + 86_400,
    };
    this.sessions.set(id, session);
    return { status: 200, body: session };
  }

  private createRefund(form: Fields): ApiResponse {
    const charge = [...this.charges.values()].find((c) => c.payment_intent === text(form.payment_intent));
    if (!charge) return invalid('resource_missing', `No such payment_intent: '${text(form.payment_intent)}'`);
    const left = charge.amount - charge.amount_refunded;
    const amount = form.amount === undefined ? left : Number(text(form.amount));
    if (left === 0) return invalid('charge_already_refunded', `Charge ${charge.id} has already been refunded.`);
    if (!Number.isSafeInteger(amount) || amount <= 0 || amount > left) return invalid('amount_too_large', `Refund amount (${amount}) is greater than unrefunded amount on charge (${left})`);
    charge.amount_refunded += amount;
    const refund: StripeRefund = {
      id: randomId('re_'), object: 'refund', amount, currency: charge.currency, payment_intent: charge.payment_intent, charge: charge.id,
      status: this.asyncRefunds || this.refundOutcomes.has(amount) ? 'pending' : 'succeeded', metadata: Object.fromEntries(Object.entries(group(form.metadata)).map(([k, v]) => [k, text(v)])), created: this.now(),
    };
    this.refunds.set(refund.id, refund);
    this.emit('refund.created', refund);
    if (refund.status === 'succeeded') this.emit('charge.refunded', this.chargeView(charge));
    return { status: 200, body: refund };
  }

  /** A refund whose amount has a set outcome settles when it is read. */
  private answerLater(refund: StripeRefund): void {
    const outcome = this.refundOutcomes.get(refund.amount);
    if (refund.status === 'pending' && outcome) this.settle(refund, outcome);
  }

  private settle(refund: StripeRefund, status: 'succeeded' | 'failed'): void {
    refund.status = status;
    const charge = this.charges.get(refund.charge)!;
    if (status === 'failed') {
      refund.failure_reason = 'expired_or_canceled_card';
      charge.amount_refunded -= refund.amount;
    }
    this.emit('refund.updated', refund);
    if (status === 'succeeded') this.emit('charge.refunded', this.chargeView(charge));
  }

  private complete(sessionId: string, paymentStatus: StripeSession['payment_status']): StripeSession {
    const session = this.session(sessionId);
    if (session.status !== 'open') throw new Error(`session ${sessionId} is ${session.status}`);
    session.status = 'complete';
    session.payment_status = paymentStatus;
    session.payment_intent = randomId('pi_');
    if (paymentStatus === 'paid') this.openCharge(session);
    return session;
  }

  private openCharge(session: StripeSession): void {
    const charge: StripeCharge = { id: randomId('ch_'), payment_intent: session.payment_intent!, amount: session.amount_total, currency: session.currency, amount_refunded: 0 };
    this.charges.set(charge.id, charge);
  }

  private chargeView(charge: StripeCharge): unknown {
    const refunds = [...this.refunds.values()].filter((r) => r.charge === charge.id).reverse();
    return { object: 'charge', ...charge, refunded: charge.amount_refunded === charge.amount, refunds: { object: 'list', data: refunds, has_more: false } };
  }

  private session(sessionId: string): StripeSession {
    const session = this.sessions.get(sessionId);
    if (!session) throw new Error(`no session ${sessionId}`);
    return session;
  }

  private emit(type: string, object: unknown): void {
    // A snapshot, as Stripe sends it: later changes do not reach an event already sent.
    this.events.push({ id: randomId('evt_'), type, created: this.now(), data: { object: structuredClone(object) } });
  }
}
