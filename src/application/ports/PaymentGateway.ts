import type { Payment, VerifiedPayment } from '../../domain/payment/Payment';
import type { Money } from '../../domain/shared/Money';

export interface PaymentCustomer {
  name: string;
  email: string;
  phone: string;
  address: string;
}

/** Where the gateway sends the customer (and its server-to-server notice) when done. */
export interface CallbackUrls {
  success: string;
  fail: string;
  cancel: string;
  ipn: string;
}

export interface GatewaySession {
  paymentUrl: string;
  sessionRef: string;
}

/** What a redirect or IPN carried: query string and form fields, untrusted. */
export type GatewayCallback = Record<string, string | undefined>;

/** A refund asked of the gateway, for money it took on one attempt. */
export interface RefundRequest {
  /** Our id for this refund: the gateway's idempotency key, and how its notices name it back. */
  refundId: string;
  /** The attempt the money was taken on. */
  transactionId: string;
  /** VerifiedPayment.paymentRef recorded for that attempt. */
  paymentRef: string;
  /** Never more than what is left of the payment; minor units inside Money. */
  amount: Money;
  reason: string;
}

export type RefundState = 'COMPLETED' | 'PENDING' | 'FAILED';

export interface RefundOutcome {
  /** Ours, as given in RefundRequest. */
  refundId: string;
  /** The gateway's id for the refund, once it has one. */
  gatewayRefundId: string | null;
  state: RefundState;
  /** Why, when FAILED. */
  failureReason?: string;
}

/** A webhook delivery the gateway vouched for (signature checked on the raw body, or its verification API). */
export type GatewayEvent =
  | { kind: 'payment'; eventId: string; verified: VerifiedPayment }
  | { kind: 'refund'; eventId: string; outcome: RefundOutcome }
  /** Verified, but nothing we act on (other event types): stored, answered 200, changes nothing. */
  | { kind: 'ignored'; eventId: string; type: string };

export interface WebhookDelivery {
  rawBody: Buffer;
  /** Lower-cased header names. */
  headers: Record<string, string | undefined>;
}

/**
 * A payment gateway, split so that nothing is spent before our commit: `check` and `lookup` only
 * read what the gateway vouches for; `consume` spends a single-use proof (where the gateway has
 * one) and runs inside the unit of work that records the payment, so a rollback leaves it unspent
 * and the callback, the IPN, the admin command or the reconciler can still confirm it.
 */
export interface PaymentGateway {
  readonly name: string;
  /** ISO 4217 codes it takes, or 'any'. Booking refuses others with a 4xx (PayPal does not take BDT). */
  readonly currencies: readonly string[] | 'any';
  /**
   * Starts a checkout for `payment` (its current `transactionId`). A gateway that can, voids the
   * payment's earlier checkouts that nobody completed. Throws DependencyUnavailable when it does not answer.
   */
  createSession(payment: Payment, customer: PaymentCustomer, urls: CallbackUrls): Promise<GatewaySession>;
  /**
   * Asks the gateway, through its own channel, what really happened to the checkout the callback
   * refers to. Read-only and repeatable. Null when the gateway does not vouch for it (made up,
   * tampered, or a single-use proof already spent).
   */
  check(callback: GatewayCallback): Promise<VerifiedPayment | null>;
  /**
   * Marks the single-use proof behind `verified` spent. Call it inside the unit of work that
   * records the outcome: it joins that transaction. A no-op for gateways without one.
   */
  consume(verified: VerifiedPayment): Promise<void>;
  /**
   * Asks the gateway about one of our attempts (its transaction query), with no callback at hand:
   * the outcome it vouches for, or null while it has none (unpaid, unknown, pending). Takes the
   * attempt, not only its transaction id, because Stripe and PayPal look a checkout up by their
   * own id (the attempt's gatewayRef: session id / order id).
   */
  lookup(attempt: { transactionId: string; gatewayRef: string | null }): Promise<VerifiedPayment | null>;
  /**
   * Asks the gateway to give `amount` back. Idempotent on `refundId` (retrying after a timeout
   * must not refund twice). COMPLETED when the gateway says so at once, PENDING when it confirms
   * later (webhook or refundStatus), FAILED when it refuses (the reason says why). Throws
   * DependencyUnavailable when it does not answer (5xx, timeout): nothing is recorded as refunded.
   */
  refund(request: RefundRequest): Promise<RefundOutcome>;
  /** Where a PENDING refund stands now (the reconciler asks). */
  refundStatus(refund: { refundId: string; gatewayRefundId: string | null; transactionId: string; paymentRef: string }): Promise<RefundOutcome>;
  /**
   * Verifies one delivery to POST /api/v1/payment/webhook/:gateway on its raw body: Stripe's
   * signing secret (5-minute tolerance), PayPal's verify-webhook-signature API, SSLCommerz's IPN
   * through its validation API, the sandbox's HMAC. Null when unsigned, mis-signed or unverifiable
   * (the route answers 400). Throws DependencyUnavailable when a verification API does not answer.
   */
  verifyWebhook(delivery: WebhookDelivery): Promise<GatewayEvent | null>;
}
