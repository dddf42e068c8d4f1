import Stripe from 'stripe';
import type { Clock } from '../../application/ports/Clock';
import type {
  CallbackUrls, GatewayCallback, GatewayEvent, GatewaySession, PaymentCustomer, PaymentGateway, RefundOutcome, RefundRequest, WebhookDelivery,
} from '../../application/ports/PaymentGateway';
import type { Payment, VerifiedPayment } from '../../domain/payment/Payment';
import { DependencyUnavailable } from '../../domain/shared/errors';
import { fromStripeAmount, toStripeAmount } from './stripeAmounts';

export interface StripeSettings {
  secretKey: string;
  webhookSecret: string;
  /** Where the API answers: Stripe itself when absent (tests point it at a local fake). */
  api?: { host: string; port: number; protocol: 'http' | 'https' };
  timeoutMs?: number;
  /** The SDK's own retries of 5xx, 429, 409 and timeouts, with the same Idempotency-Key. */
  maxNetworkRetries?: number;
}

/** Stripe signs each delivery with a timestamp; older than this, it is a replay. */
const WEBHOOK_TOLERANCE_SECONDS = 300;
const SESSION_ID = /^cs_[0-9A-Za-z_]{1,250}$/;

type Session = Stripe.Checkout.Session;

/**
 * Stripe Checkout through the official SDK: a Checkout Session per attempt (`client_reference_id`
 * is our transaction id; the session id is the attempt's gatewayRef). A redirect only names the
 * session; what counts is the session retrieved from Stripe, or a webhook signed with the endpoint
 * secret. Refunds go through the Refunds API keyed by our refund id, so a retry never refunds twice.
 */
export class StripeGateway implements PaymentGateway {
  readonly name = 'stripe';
  readonly currencies = 'any';
  private readonly stripe: Stripe;

  constructor(private readonly settings: StripeSettings, private readonly clock: Clock) {
    this.stripe = new Stripe(settings.secretKey, {
      ...settings.api,
      timeout: settings.timeoutMs ?? 15_000,
      maxNetworkRetries: settings.maxNetworkRetries ?? 2,
      telemetry: false,
    });
  }

  async createSession(payment: Payment, customer: PaymentCustomer, urls: CallbackUrls): Promise<GatewaySession> {
    const metadata = { transactionId: payment.transactionId, paymentId: payment.id, bookingId: payment.bookingId };
    const unitAmount = toStripeAmount(payment.amount);
    const session = await this.call('create the checkout session', () => this.stripe.checkout.sessions.create({
      mode: 'payment',
      client_reference_id: payment.transactionId,
      customer_email: customer.email || undefined,
      line_items: [{ quantity: 1, price_data: { currency: payment.amount.currency.toLowerCase(), unit_amount: unitAmount, product_data: { name: 'Tour booking' } } }],
      metadata,
      payment_intent_data: { metadata },
      // Stripe fills in {CHECKOUT_SESSION_ID}; braces must reach it unencoded.
      success_url: `${withTransaction(urls.success, payment.transactionId)}&session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: withTransaction(urls.cancel, payment.transactionId),
    }, { idempotencyKey: `checkout-${payment.transactionId}` }));
    if (!session?.url) throw new DependencyUnavailable('payment gateway', 'Stripe answered a checkout session without a URL');
    return { paymentUrl: session.url, sessionRef: session.id };
  }

  /** The redirect only names a session (`session_id`): what it says is asked of Stripe. */
  async check(callback: GatewayCallback): Promise<VerifiedPayment | null> {
    const sessionId = callback.session_id ?? '';
    if (!SESSION_ID.test(sessionId)) return null;
    const session = await this.retrieve(sessionId);
    return session ? paidOn(session) : null;
  }

  async consume(): Promise<void> {
    // A session can be retrieved any number of times: nothing is single-use.
  }

  async lookup(attempt: { transactionId: string; gatewayRef: string | null }): Promise<VerifiedPayment | null> {
    if (!attempt.gatewayRef || !SESSION_ID.test(attempt.gatewayRef)) return null;
    const session = await this.retrieve(attempt.gatewayRef);
    const verified = session ? paidOn(session) : null;
    return verified?.transactionId === attempt.transactionId ? verified : null;
  }

  async refund(request: RefundRequest): Promise<RefundOutcome> {
    const amount = toStripeAmount(request.amount);
    try {
      const refund = await this.stripe.refunds.create({
        payment_intent: request.paymentRef,
        amount,
        metadata: { refundId: request.refundId, transactionId: request.transactionId, reason: request.reason.slice(0, 500) },
      }, { idempotencyKey: request.refundId });
      return outcomeOf(refund, request.refundId);
    } catch (error) {
      // Stripe answered, and said no (already refunded, more than is left): nothing was refunded.
      if (error instanceof Stripe.errors.StripeInvalidRequestError || error instanceof Stripe.errors.StripeCardError) {
        return { refundId: request.refundId, gatewayRefundId: null, state: 'FAILED', failureReason: `Stripe refused the refund: ${error.message}` };
      }
      throw unavailable('refund', error);
    }
  }

  async refundStatus(refund: { refundId: string; gatewayRefundId: string | null; transactionId: string; paymentRef: string }): Promise<RefundOutcome> {
    if (refund.gatewayRefundId) {
      return outcomeOf(await this.call('read the refund', () => this.stripe.refunds.retrieve(refund.gatewayRefundId!)), refund.refundId);
    }
    // The create never answered: Stripe knows the refund by our id in its metadata, or never received it.
    const listed = await this.call('list the refunds', () => this.stripe.refunds.list({ payment_intent: refund.paymentRef, limit: 100 }));
    const found = listed.data.find((r) => r.metadata?.refundId === refund.refundId);
    return found ? outcomeOf(found, refund.refundId) : { refundId: refund.refundId, gatewayRefundId: null, state: 'FAILED', failureReason: 'Stripe never received the refund' };
  }

  async verifyWebhook(delivery: WebhookDelivery): Promise<GatewayEvent | null> {
    const signature = delivery.headers['stripe-signature'];
    if (!signature) return null;
    let event: Stripe.Event;
    try {
      event = this.stripe.webhooks.constructEvent(delivery.rawBody, signature, this.settings.webhookSecret, WEBHOOK_TOLERANCE_SECONDS, undefined, this.clock.now().getTime());
    } catch {
      return null;
    }
    return this.eventOf(event);
  }

  private async eventOf(event: Stripe.Event): Promise<GatewayEvent> {
    const ignored: GatewayEvent = { kind: 'ignored', eventId: event.id, type: event.type };
    switch (event.type) {
      case 'checkout.session.completed':
      case 'checkout.session.async_payment_succeeded': {
        const verified = paidOn(event.data.object);
        return verified ? { kind: 'payment', eventId: event.id, verified } : ignored;
      }
      case 'checkout.session.async_payment_failed':
      case 'checkout.session.expired': {
        const verified = verdictOf(event.data.object, event.type === 'checkout.session.expired' ? 'CANCELLED' : 'FAILED');
        return verified ? { kind: 'payment', eventId: event.id, verified } : ignored;
      }
      case 'refund.created':
      case 'refund.updated':
      case 'refund.failed':
        return this.refundEvent(event.id, event.data.object.id, ignored);
      case 'charge.refunded': {
        const ours = (event.data.object.refunds?.data ?? []).filter((r) => r.metadata?.refundId).at(0);
        return ours ? this.refundEvent(event.id, ours.id, ignored) : ignored;
      }
      default:
        return ignored;
    }
  }

  /** Where the refund stands now, asked of Stripe: deliveries may arrive late or out of order. */
  private async refundEvent(eventId: string, gatewayRefundId: string, ignored: GatewayEvent): Promise<GatewayEvent> {
    const refund = await this.call('read the refund', () => this.stripe.refunds.retrieve(gatewayRefundId));
    const refundId = refund.metadata?.refundId;
    return refundId ? { kind: 'refund', eventId, outcome: outcomeOf(refund, refundId) } : ignored;
  }

  /** The session, or null when Stripe has none by that id. */
  private async retrieve(sessionId: string): Promise<Session | null> {
    try {
      return await this.stripe.checkout.sessions.retrieve(sessionId);
    } catch (error) {
      if (error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 404) return null;
      throw unavailable('retrieve the checkout session', error);
    }
  }

  private async call<T>(what: string, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw unavailable(what, error);
    }
  }
}

function unavailable(what: string, error: unknown): DependencyUnavailable {
  if (error instanceof DependencyUnavailable) return error;
  const status = error instanceof Stripe.errors.StripeError && error.statusCode ? ` (${error.statusCode})` : '';
  return new DependencyUnavailable('payment gateway', `Stripe could not ${what}${status}: ${(error as Error).message}`);
}

function withTransaction(url: string, transactionId: string): string {
  const target = new URL(url);
  target.searchParams.set('tran_id', transactionId);
  return target.toString();
}

/** A session Stripe says is paid; null while it is not (open, unpaid, awaiting a bank transfer). */
function paidOn(session: Session): VerifiedPayment | null {
  return session.status === 'complete' && session.payment_status === 'paid' ? verdictOf(session, 'PAID') : null;
}

function verdictOf(session: Session, status: VerifiedPayment['status']): VerifiedPayment | null {
  const amount = fromStripeAmount(session.amount_total, session.currency);
  if (!session.client_reference_id || !amount) return null;
  const paymentIntent = typeof session.payment_intent === 'string' ? session.payment_intent : (session.payment_intent?.id ?? '');
  return { transactionId: session.client_reference_id, amount, status, valId: session.id, paymentRef: status === 'PAID' ? paymentIntent : '' };
}

function outcomeOf(refund: Stripe.Refund, refundId: string): RefundOutcome {
  if (refund.status === 'succeeded') return { refundId, gatewayRefundId: refund.id, state: 'COMPLETED' };
  if (refund.status === 'failed' || refund.status === 'canceled') {
    return { refundId, gatewayRefundId: refund.id, state: 'FAILED', failureReason: `Stripe reports the refund ${refund.status}${refund.failure_reason ? `: ${refund.failure_reason}` : ''}` };
  }
  return { refundId, gatewayRefundId: refund.id, state: 'PENDING' };
}
