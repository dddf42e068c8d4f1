import { createHmac, randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { GatewayCallback, WebhookDelivery } from '../../src/application/ports/PaymentGateway';
import type { PayPalSettings } from '../../src/infrastructure/payment/PayPalClient';
import type { ApiRequest, ApiResponse } from './fakeApiServer';
import { FakeApiServer, randomId } from './fakeApiServer';

interface Amount {
  currency_code: string;
  value: string;
}

interface Capture {
  id: string;
  status: 'COMPLETED' | 'DECLINED' | 'PENDING';
  amount: Amount;
  custom_id: string;
  invoice_id: string;
  final_capture: true;
  supplementary_data: { related_ids: { order_id: string } };
  refunded: number;
}

interface Refund {
  id: string;
  status: 'COMPLETED' | 'PENDING' | 'FAILED';
  amount: Amount;
  custom_id?: string;
  note_to_payer?: string;
  status_details?: { reason: string };
  captureId: string;
}

interface Order {
  id: string;
  intent: string;
  status: 'PAYER_ACTION_REQUIRED' | 'APPROVED' | 'COMPLETED';
  purchase_units: { reference_id: string; custom_id: string; invoice_id: string; amount: Amount }[];
  returnUrl: string;
  cancelUrl: string;
  /** What capturing will do: a card that is declined at capture time. */
  declineAtCapture: boolean;
  capture: Capture | null;
}

const cents = (value: string): number => Math.round(Number(value) * 100);
const unprocessable = (issue: string, description: string): ApiResponse => ({
  status: 422, body: { name: 'UNPROCESSABLE_ENTITY', message: 'The requested action could not be performed.', details: [{ issue, description }] },
});
const notFound = (what: string): ApiResponse => ({ status: 404, body: { name: 'RESOURCE_NOT_FOUND', message: `${what} not found`, details: [{ issue: 'INVALID_RESOURCE_ID' }] } });

/**
 * The PayPal REST endpoints the adapter uses, on a local port: OAuth2 client credentials, Orders v2
 * (create, get, capture), captures and refunds, and the webhook verification API, with PayPal's
 * PayPal-Request-Id replay. `approve` plays the payer on PayPal; deliveries are signed with a real
 * HMAC over transmission id, time, webhook id and the body's CRC32 (PayPal signs the same fields
 * with its certificate), and only its verification API can tell a genuine one. `asyncRefunds`
 * makes refunds PENDING until `settleRefunds`. Like PayPal, any approved order can be captured.
 */
export class FakePaypal extends FakeApiServer {
  readonly clientId = 'fake-client-id';
  readonly clientSecret = 'fake-client-secret';
  readonly webhookId = 'WH-FAKE-0123456789';
  readonly orders = new Map<string, Order>();
  readonly refunds = new Map<string, Refund>();
  readonly events: { id: string; event_type: string; resource_type: string; resource: unknown; create_time: string }[] = [];
  /** Seconds a token lives. */
  tokenLifetime = 32_400;
  asyncRefunds = false;
  /** Refund amounts (cents) PayPal answers later: PENDING, then this outcome when the refund is next read. */
  readonly refundOutcomes = new Map<number, 'COMPLETED' | 'FAILED'>();
  private readonly tokens = new Set<string>();
  private readonly signingKey = randomBytes(32);
  protected readonly idempotencyHeader = 'paypal-request-id';

  settings(overrides: Partial<PayPalSettings> = {}): PayPalSettings {
    return { clientId: this.clientId, clientSecret: this.clientSecret, webhookId: this.webhookId, baseUrl: this.url, timeoutMs: 1000, retries: 2, retryDelayMs: 20, ...overrides };
  }

  get tokensIssued(): number {
    return this.count('POST', /^\/v1\/oauth2\/token$/);
  }

  /** Revokes every token (PayPal answers 401 until a new one is fetched). */
  revokeTokens(): void {
    this.tokens.clear();
  }

  /** The payer approves the order on PayPal; returns the query PayPal redirects to return_url with. */
  approve(orderId: string, options: { declineAtCapture?: boolean } = {}): GatewayCallback {
    const order = this.order(orderId);
    if (order.status !== 'PAYER_ACTION_REQUIRED') throw new Error(`order ${orderId} is ${order.status}`);
    order.status = 'APPROVED';
    order.declineAtCapture = options.declineAtCapture ?? false;
    this.emit('CHECKOUT.ORDER.APPROVED', 'checkout-order', this.view(order));
    const url = new URL(order.returnUrl);
    url.searchParams.set('token', order.id);
    url.searchParams.set('PayerID', 'FAKEPAYER01');
    return Object.fromEntries(url.searchParams);
  }

  settleRefunds(status: 'COMPLETED' | 'FAILED' = 'COMPLETED'): void {
    for (const refund of [...this.refunds.values()].filter((r) => r.status === 'PENDING')) this.settle(refund, status);
  }

  /** The latest event of `type`, about the resource `about` picks when given. */
  lastEvent(type: string, about: (resource: Record<string, unknown>) => boolean = () => true): { id: string } {
    const event = this.events.filter((e) => e.event_type === type && about(e.resource as Record<string, unknown>)).at(-1);
    if (!event) throw new Error(`no ${type} event`);
    return event;
  }

  /** One event as PayPal posts it, signed; `webhookId` signs it for another webhook. */
  delivery(event: { id: string; [field: string]: unknown }, options: { webhookId?: string } = {}): WebhookDelivery {
    const body = JSON.stringify(event);
    const id = randomBytes(8).toString('hex');
    const time = new Date().toISOString();
    return {
      rawBody: Buffer.from(body),
      headers: {
        'content-type': 'application/json', 'paypal-auth-algo': 'SHA256withRSA', 'paypal-cert-url': `${this.url}/v1/notifications/certs/CERT-FAKE`,
        'paypal-transmission-id': id, 'paypal-transmission-time': time, 'paypal-transmission-sig': this.sign(id, time, options.webhookId ?? this.webhookId, body),
      },
    };
  }

  protected errorBody(status: number): unknown {
    return { name: 'INTERNAL_SERVER_ERROR', message: `An internal server error occurred (${status})` };
  }

  protected route(request: ApiRequest): ApiResponse {
    if (request.method === 'POST' && request.path === '/v1/oauth2/token') return this.issueToken(request);
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!token || !this.tokens.has(token)) return { status: 401, body: { error: 'invalid_token', error_description: 'Token signature verification failed' } };
    const body = (request.body ? JSON.parse(request.body) : {}) as Record<string, unknown>;
    const [, orderId, orderAction] = /^\/v2\/checkout\/orders\/([^/]+)(?:\/(capture))?$/.exec(request.path) ?? [];
    const [, captureId, captureAction] = /^\/v2\/payments\/captures\/([^/]+)(?:\/(refund))?$/.exec(request.path) ?? [];
    const refundId = /^\/v2\/payments\/refunds\/([^/]+)$/.exec(request.path)?.[1];
    if (request.method === 'POST' && request.path === '/v2/checkout/orders') return this.createOrder(body);
    if (request.method === 'GET' && orderId && !orderAction) return this.orders.has(orderId) ? { status: 200, body: this.view(this.order(orderId)) } : notFound('Order');
    if (request.method === 'POST' && orderId && orderAction) return this.captureOrder(orderId);
    if (request.method === 'GET' && captureId && !captureAction) {
      const capture = this.captureById(captureId);
      return capture ? { status: 200, body: captureView(capture) } : notFound('Capture');
    }
    if (request.method === 'POST' && captureId && captureAction) return this.refund(captureId, body);
    if (request.method === 'GET' && refundId) {
      const refund = this.refunds.get(refundId);
      if (refund) this.answerLater(refund);
      return refund ? { status: 200, body: this.refundView(refund) } : notFound('Refund');
    }
    if (request.method === 'POST' && request.path === '/v1/notifications/verify-webhook-signature') return this.verify(request.body);
    return notFound(`${request.method} ${request.path}`);
  }

  private issueToken(request: ApiRequest): ApiResponse {
    const expected = `Basic ${Buffer.from(`${this.clientId}:${this.clientSecret}`).toString('base64')}`;
    if (request.headers.authorization !== expected || new URLSearchParams(request.body).get('grant_type') !== 'client_credentials') {
      return { status: 401, body: { error: 'invalid_client', error_description: 'Client Authentication failed' } };
    }
    const token = `A21AA${randomBytes(16).toString('hex')}`;
    this.tokens.add(token);
    return { status: 200, body: { scope: 'https://uri.paypal.com/services/payments/payment', access_token: token, token_type: 'Bearer', app_id: 'APP-FAKE', expires_in: this.tokenLifetime, nonce: randomId('') } };
  }

  private createOrder(body: Record<string, unknown>): ApiResponse {
    const unit = (body.purchase_units as Order['purchase_units'] | undefined)?.[0];
    const context = ((body.payment_source as { paypal?: { experience_context?: { return_url?: string; cancel_url?: string } } } | undefined)?.paypal?.experience_context) ?? {};
    if (body.intent !== 'CAPTURE' || !unit?.amount?.value || !context.return_url) return unprocessable('MISSING_REQUIRED_PARAMETER', 'intent, purchase_units[0].amount and return_url are required');
    if (!/^\d+(\.\d{2})?$/.test(unit.amount.value)) return unprocessable('DECIMAL_PRECISION', 'The value of the field should not be more than two decimals.');
    if ([...this.orders.values()].some((o) => o.purchase_units[0].invoice_id === unit.invoice_id)) return unprocessable('DUPLICATE_INVOICE_ID', 'Duplicate Invoice ID detected.');
    const id = randomBytes(9).toString('hex').toUpperCase().slice(0, 17);
    const order: Order = {
      id, intent: 'CAPTURE', status: 'PAYER_ACTION_REQUIRED', returnUrl: context.return_url, cancelUrl: context.cancel_url ?? '', declineAtCapture: false, capture: null,
      purchase_units: [{ reference_id: unit.reference_id, custom_id: unit.custom_id, invoice_id: unit.invoice_id, amount: unit.amount }],
    };
    this.orders.set(id, order);
    return { status: 200, body: this.view(order) };
  }

  private captureOrder(orderId: string): ApiResponse {
    const order = this.orders.get(orderId);
    if (!order) return notFound('Order');
    if (order.status === 'COMPLETED') return unprocessable('ORDER_ALREADY_CAPTURED', 'Order already captured.');
    if (order.status !== 'APPROVED') return unprocessable('ORDER_NOT_APPROVED', 'Payer has not yet approved the Order for payment.');
    const unit = order.purchase_units[0];
    order.capture = {
      id: randomBytes(9).toString('hex').toUpperCase().slice(0, 17), status: order.declineAtCapture ? 'DECLINED' : 'COMPLETED', amount: unit.amount, custom_id: unit.custom_id,
      invoice_id: unit.invoice_id, final_capture: true, supplementary_data: { related_ids: { order_id: order.id } }, refunded: 0,
    };
    order.status = 'COMPLETED';
    this.emit(order.declineAtCapture ? 'PAYMENT.CAPTURE.DENIED' : 'PAYMENT.CAPTURE.COMPLETED', 'capture', captureView(order.capture));
    return { status: 201, body: this.view(order) };
  }

  private refund(captureId: string, body: Record<string, unknown>): ApiResponse {
    const capture = this.captureById(captureId);
    if (!capture) return notFound('Capture');
    if (capture.status !== 'COMPLETED') return unprocessable('CAPTURE_NOT_COMPLETED', 'The capture has not been completed.');
    const amount = (body.amount as Amount | undefined) ?? { currency_code: capture.amount.currency_code, value: ((cents(capture.amount.value) - capture.refunded) / 100).toFixed(2) };
    const left = cents(capture.amount.value) - capture.refunded;
    if (left === 0) return unprocessable('CAPTURE_FULLY_REFUNDED', 'The capture has already been fully refunded');
    if (amount.currency_code !== capture.amount.currency_code || cents(amount.value) > left) return unprocessable('REFUND_AMOUNT_EXCEEDED', 'The refund amount must be less than or equal to the capture amount that has not yet been refunded.');
    capture.refunded += cents(amount.value);
    const refund: Refund = {
      id: randomBytes(9).toString('hex').toUpperCase().slice(0, 17), status: this.asyncRefunds || this.refundOutcomes.has(cents(amount.value)) ? 'PENDING' : 'COMPLETED', amount,
      custom_id: typeof body.custom_id === 'string' ? body.custom_id : undefined, note_to_payer: typeof body.note_to_payer === 'string' ? body.note_to_payer : undefined, captureId,
    };
    this.refunds.set(refund.id, refund);
    this.emit(refund.status === 'COMPLETED' ? 'PAYMENT.CAPTURE.REFUNDED' : 'PAYMENT.REFUND.PENDING', 'refund', this.refundView(refund));
    return { status: 201, body: this.refundView(refund) };
  }

  /** A refund whose amount has a set outcome settles when it is read. */
  private answerLater(refund: Refund): void {
    const outcome = this.refundOutcomes.get(cents(refund.amount.value));
    if (refund.status === 'PENDING' && outcome) this.settle(refund, outcome);
  }

  private settle(refund: Refund, status: 'COMPLETED' | 'FAILED'): void {
    refund.status = status;
    if (status === 'FAILED') {
      refund.status_details = { reason: 'ECHECK' };
      this.captureById(refund.captureId)!.refunded -= cents(refund.amount.value);
    }
    this.emit(status === 'COMPLETED' ? 'PAYMENT.CAPTURE.REFUNDED' : 'PAYMENT.REFUND.FAILED', 'refund', this.refundView(refund));
  }

  private verify(raw: string): ApiResponse {
    const body = JSON.parse(raw) as Record<string, unknown>;
    const fields = ['auth_algo', 'cert_url', 'transmission_id', 'transmission_sig', 'transmission_time', 'webhook_id'];
    if (fields.some((f) => typeof body[f] !== 'string') || typeof body.webhook_event !== 'object') return { status: 400, body: { name: 'VALIDATION_ERROR', details: [{ issue: 'MISSING_REQUIRED_PARAMETER' }] } };
    // What we delivered is JSON.stringify of the event, so the event re-serialised is its body byte for byte.
    const expected = this.sign(String(body.transmission_id), String(body.transmission_time), String(body.webhook_id), JSON.stringify(body.webhook_event));
    const genuine = body.webhook_id === this.webhookId && expected === body.transmission_sig;
    return { status: 200, body: { verification_status: genuine ? 'SUCCESS' : 'FAILURE' } };
  }

  private sign(transmissionId: string, time: string, webhookId: string, body: string): string {
    return createHmac('sha256', this.signingKey).update(`${transmissionId}|${time}|${webhookId}|${crc32(body)}`).digest('base64');
  }

  private order(orderId: string): Order {
    const order = this.orders.get(orderId);
    if (!order) throw new Error(`no order ${orderId}`);
    return order;
  }

  private captureById(captureId: string): Capture | null {
    return [...this.orders.values()].find((o) => o.capture?.id === captureId)?.capture ?? null;
  }

  private view(order: Order): unknown {
    const refunds = [...this.refunds.values()].filter((r) => r.captureId === order.capture?.id).map((r) => this.refundView(r));
    return {
      id: order.id, intent: order.intent, status: order.status,
      purchase_units: order.purchase_units.map((u) => ({ ...u, ...(order.capture ? { payments: { captures: [captureView(order.capture)], refunds } } : {}) })),
      links: [{ href: `${this.url}/checkoutnow?token=${order.id}`, rel: 'payer-action', method: 'GET' }, { href: `${this.url}/v2/checkout/orders/${order.id}`, rel: 'self', method: 'GET' }],
    };
  }

  private refundView(refund: Refund): unknown {
    const { captureId, ...rest } = refund;
    return { ...rest, links: [{ href: `${this.url}/v2/payments/captures/${captureId}`, rel: 'up', method: 'GET' }] };
  }

  private emit(eventType: string, resourceType: string, resource: unknown): void {
    this.events.push({ id: `WH-${randomBytes(8).toString('hex').toUpperCase()}`, event_type: eventType, resource_type: resourceType, resource: structuredClone(resource), create_time: new Date().toISOString() });
  }
}

function captureView(capture: Capture): unknown {
  const { refunded, ...rest } = capture;
  return { ...rest, status: refunded > 0 && rest.status === 'COMPLETED' ? (refunded === cents(rest.amount.value) ? 'REFUNDED' : 'PARTIALLY_REFUNDED') : rest.status };
}
