import type { Clock } from '../../application/ports/Clock';
import type {
  CallbackUrls, GatewayCallback, GatewayEvent, GatewaySession, PaymentCustomer, PaymentGateway, RefundOutcome, RefundRequest, WebhookDelivery,
} from '../../application/ports/PaymentGateway';
import type { Payment, VerifiedPayment } from '../../domain/payment/Payment';
import { DependencyUnavailable } from '../../domain/shared/errors';
import type { PayPalBody, PayPalSettings } from './PayPalClient';
import { PayPalClient, PayPalRefusal } from './PayPalClient';
import type { PayPalAmount } from './paypalAmounts';
import { PAYPAL_CURRENCIES, fromPayPalAmount, toPayPalAmount } from './paypalAmounts';

const ORDER_ID = /^[0-9A-Z]{5,36}$/;
/** Capture statuses of money taken (a refund later does not undo the payment). */
const TAKEN = new Set(['COMPLETED', 'PARTIALLY_REFUNDED', 'REFUNDED']);
const SIGNATURE_HEADERS = ['paypal-auth-algo', 'paypal-cert-url', 'paypal-transmission-id', 'paypal-transmission-sig', 'paypal-transmission-time'] as const;

interface Capture {
  id: string;
  status: string;
  amount?: PayPalAmount;
  custom_id?: string;
}

interface Order {
  id: string;
  status: string;
  purchase_units?: { custom_id?: string; payments?: { captures?: Capture[]; refunds?: PayPalRefund[] } }[];
  links?: { href: string; rel: string }[];
}

interface PayPalRefund {
  id: string;
  status: string;
  custom_id?: string;
  status_details?: { reason?: string };
}

/**
 * PayPal Orders v2 over its REST API: an order per attempt (custom_id and invoice_id are our
 * transaction id; the order id is the attempt's gatewayRef). The customer approves on PayPal and
 * returns with `token` = the order id; money is taken only when we capture it, which `check`,
 * `lookup` and the approval webhook do with one PayPal-Request-Id per order, so any of them may
 * capture and the others find it done. Webhooks are verified by PayPal's verification API.
 */
export class PayPalGateway implements PaymentGateway {
  readonly name = 'paypal';
  readonly currencies = PAYPAL_CURRENCIES;
  private readonly api: PayPalClient;

  constructor(private readonly settings: PayPalSettings, clock: Clock) {
    this.api = new PayPalClient(settings, clock);
  }

  async createSession(payment: Payment, _customer: PaymentCustomer, urls: CallbackUrls): Promise<GatewaySession> {
    const amount = toPayPalAmount(payment.amount);
    const order = await this.unrefused('create the order', () => this.api.request('POST', '/v2/checkout/orders', {
      requestId: `order-${payment.transactionId}`,
      body: {
        intent: 'CAPTURE',
        purchase_units: [{ reference_id: payment.transactionId, custom_id: payment.transactionId, invoice_id: payment.transactionId, description: 'Tour booking', amount }],
        payment_source: {
          paypal: {
            experience_context: {
              return_url: withTransaction(urls.success, payment.transactionId), cancel_url: withTransaction(urls.cancel, payment.transactionId),
              user_action: 'PAY_NOW', shipping_preference: 'NO_SHIPPING',
            },
          },
        },
      },
    })) as unknown as Order;
    const approve = order.links?.find((l) => l.rel === 'payer-action' || l.rel === 'approve');
    if (!order.id || !approve) throw new DependencyUnavailable('payment gateway', 'PayPal answered an order without an approval link');
    return { paymentUrl: approve.href, sessionRef: order.id };
  }

  /** The return URL carries `token` = the order id: the order is asked of PayPal, and captured once approved. */
  async check(callback: GatewayCallback): Promise<VerifiedPayment | null> {
    const orderId = callback.token ?? '';
    return ORDER_ID.test(orderId) ? this.settle(orderId) : null;
  }

  async consume(): Promise<void> {
    // A captured order reads the same every time: nothing is single-use.
  }

  async lookup(attempt: { transactionId: string; gatewayRef: string | null }): Promise<VerifiedPayment | null> {
    if (!attempt.gatewayRef || !ORDER_ID.test(attempt.gatewayRef)) return null;
    const verified = await this.settle(attempt.gatewayRef);
    return verified?.transactionId === attempt.transactionId ? verified : null;
  }

  async refund(request: RefundRequest): Promise<RefundOutcome> {
    const amount = toPayPalAmount(request.amount);
    try {
      const refund = await this.api.request('POST', `/v2/payments/captures/${encodeURIComponent(request.paymentRef)}/refund`, {
        requestId: request.refundId,
        body: { amount, custom_id: request.refundId, note_to_payer: request.reason.slice(0, 255) },
      });
      return outcomeOf(refund as unknown as PayPalRefund, request.refundId);
    } catch (error) {
      if (error instanceof PayPalRefusal) return { refundId: request.refundId, gatewayRefundId: null, state: 'FAILED', failureReason: error.message };
      throw error;
    }
  }

  async refundStatus(refund: { refundId: string; gatewayRefundId: string | null; transactionId: string; paymentRef: string }): Promise<RefundOutcome> {
    if (refund.gatewayRefundId) return outcomeOf(await this.refundById(refund.gatewayRefundId), refund.refundId);
    // The refund call never answered: the capture's order lists the refunds PayPal made, named by our custom_id.
    const capture = await this.unrefused('read the capture', () => this.api.request('GET', `/v2/payments/captures/${encodeURIComponent(refund.paymentRef)}`));
    const orderId = orderIdOf(capture);
    const order = orderId ? await this.order(orderId) : null;
    const found = order?.purchase_units?.flatMap((u) => u.payments?.refunds ?? []).find((r) => r.custom_id === refund.refundId);
    return found ? outcomeOf(found, refund.refundId) : { refundId: refund.refundId, gatewayRefundId: null, state: 'FAILED', failureReason: 'PayPal never received the refund' };
  }

  async verifyWebhook(delivery: WebhookDelivery): Promise<GatewayEvent | null> {
    const headers = SIGNATURE_HEADERS.map((name) => delivery.headers[name]);
    if (headers.some((value) => !value)) return null;
    let event: PayPalBody;
    try {
      event = JSON.parse(delivery.rawBody.toString('utf8')) as PayPalBody;
    } catch {
      return null;
    }
    const [authAlgo, certUrl, transmissionId, transmissionSig, transmissionTime] = headers;
    // The event goes back byte for byte: PayPal's signature covers the raw body, not a re-serialisation.
    const check = `{"auth_algo":${JSON.stringify(authAlgo)},"cert_url":${JSON.stringify(certUrl)},"transmission_id":${JSON.stringify(transmissionId)},`
      + `"transmission_sig":${JSON.stringify(transmissionSig)},"transmission_time":${JSON.stringify(transmissionTime)},"webhook_id":${JSON.stringify(this.settings.webhookId)},`
      + `"webhook_event":${delivery.rawBody.toString('utf8')}}`;
    try {
      const answer = await this.api.request('POST', '/v1/notifications/verify-webhook-signature', { body: check });
      if (answer.verification_status !== 'SUCCESS') return null;
    } catch (error) {
      if (error instanceof PayPalRefusal) return null;
      throw error;
    }
    return this.eventOf(event);
  }

  private async eventOf(event: PayPalBody): Promise<GatewayEvent> {
    const eventId = String(event.id ?? '');
    const type = String(event.event_type ?? '');
    const resource = (event.resource ?? {}) as PayPalBody;
    const ignored: GatewayEvent = { kind: 'ignored', eventId, type };
    if (event.resource_type === 'refund' && typeof resource.id === 'string') {
      // Where the refund stands now: a PENDING notice may arrive after the COMPLETED one.
      const refund = await this.refundById(resource.id);
      return refund.custom_id ? { kind: 'refund', eventId, outcome: outcomeOf(refund, refund.custom_id) } : ignored;
    }
    const orderId = type === 'CHECKOUT.ORDER.APPROVED' ? resource.id : type.startsWith('PAYMENT.CAPTURE.') ? orderIdOf(resource) : null;
    const verified = typeof orderId === 'string' && ORDER_ID.test(orderId) ? await this.settle(orderId) : null;
    return verified ? { kind: 'payment', eventId, verified } : ignored;
  }

  /** The order's verdict, capturing it first when the customer approved it and nobody captured yet. */
  private async settle(orderId: string): Promise<VerifiedPayment | null> {
    let order = await this.order(orderId);
    if (order?.status === 'APPROVED') order = await this.capture(orderId);
    return order?.status === 'COMPLETED' ? verdictOf(order) : null;
  }

  private async capture(orderId: string): Promise<Order | null> {
    try {
      return await this.api.request('POST', `/v2/checkout/orders/${orderId}/capture`, { requestId: `capture-${orderId}`, body: {} }) as unknown as Order;
    } catch (error) {
      if (!(error instanceof PayPalRefusal)) throw error;
      // Captured meanwhile (another callback, the webhook): read what was taken.
      if (error.issues.includes('ORDER_ALREADY_CAPTURED')) return this.order(orderId);
      return null; // not approved after all, or the payer's funding was declined: they may try again on PayPal
    }
  }

  private async order(orderId: string): Promise<Order | null> {
    try {
      return await this.api.request('GET', `/v2/checkout/orders/${orderId}`) as unknown as Order;
    } catch (error) {
      if (error instanceof PayPalRefusal && error.status === 404) return null;
      throw refusedAsUnavailable('read the order', error);
    }
  }

  private async refundById(refundId: string): Promise<PayPalRefund> {
    return await this.unrefused('read the refund', () => this.api.request('GET', `/v2/payments/refunds/${encodeURIComponent(refundId)}`)) as unknown as PayPalRefund;
  }

  /** A request PayPal must not refuse: a refusal is as bad as no answer for the caller. */
  private async unrefused(what: string, request: () => Promise<PayPalBody>): Promise<PayPalBody> {
    try {
      return await request();
    } catch (error) {
      throw refusedAsUnavailable(what, error);
    }
  }
}

function refusedAsUnavailable(what: string, error: unknown): unknown {
  return error instanceof PayPalRefusal ? new DependencyUnavailable('payment gateway', `PayPal could not ${what}: ${error.message}`) : error;
}

function withTransaction(url: string, transactionId: string): string {
  const target = new URL(url);
  target.searchParams.set('tran_id', transactionId);
  return target.toString();
}

function orderIdOf(resource: PayPalBody): string | null {
  const related = ((resource.supplementary_data as PayPalBody | undefined)?.related_ids ?? {}) as PayPalBody;
  return typeof related.order_id === 'string' ? related.order_id : null;
}

/** A completed order's capture: COMPLETED (or refunded since) is money taken, DECLINED or FAILED is not; PENDING is no verdict yet. */
function verdictOf(order: Order): VerifiedPayment | null {
  const unit = order.purchase_units?.[0];
  const captures = unit?.payments?.captures ?? [];
  const capture = captures.find((c) => TAKEN.has(c.status)) ?? captures.find((c) => c.status === 'DECLINED' || c.status === 'FAILED');
  const transactionId = unit?.custom_id ?? capture?.custom_id;
  const amount = fromPayPalAmount(capture?.amount);
  if (!capture || !transactionId || !amount) return null;
  const paid = TAKEN.has(capture.status);
  return { transactionId, amount, status: paid ? 'PAID' : 'FAILED', valId: order.id, paymentRef: paid ? capture.id : '' };
}

function outcomeOf(refund: PayPalRefund, refundId: string): RefundOutcome {
  if (refund.status === 'COMPLETED') return { refundId, gatewayRefundId: refund.id, state: 'COMPLETED' };
  if (refund.status === 'CANCELLED' || refund.status === 'FAILED') {
    return { refundId, gatewayRefundId: refund.id, state: 'FAILED', failureReason: `PayPal reports the refund ${refund.status}${refund.status_details?.reason ? `: ${refund.status_details.reason}` : ''}` };
  }
  return { refundId, gatewayRefundId: refund.id, state: 'PENDING' };
}
