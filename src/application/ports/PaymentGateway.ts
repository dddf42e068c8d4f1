import type { Payment, VerifiedPayment } from '../../domain/payment/Payment';

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

/**
 * A payment gateway, split so that nothing is spent before our commit: `check` and `lookup` only
 * read what the gateway vouches for; `consume` spends a single-use proof (where the gateway has
 * one) and runs inside the unit of work that records the payment, so a rollback leaves it unspent
 * and the callback, the IPN, the admin command or the reconciler can still confirm it.
 */
export interface PaymentGateway {
  readonly name: string;
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
   * Asks the gateway about one of our transaction ids (its transaction query), with no callback
   * at hand: the outcome it vouches for, or null while it has none (unpaid, unknown, pending).
   */
  lookup(transactionId: string): Promise<VerifiedPayment | null>;
}
