import { Payment, VerifiedPayment } from '../../domain/payment/Payment';

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

export interface PaymentGateway {
  readonly name: string;
  /** Starts a checkout for `payment`. Throws DependencyUnavailable when the gateway does not answer. */
  createSession(payment: Payment, customer: PaymentCustomer, urls: CallbackUrls): Promise<GatewaySession>;
  /**
   * Asks the gateway, through its own channel, what really happened to the payment the
   * callback refers to. Null when the gateway does not vouch for it (made up, tampered, replayed).
   */
  verify(callback: GatewayCallback): Promise<VerifiedPayment | null>;
}
