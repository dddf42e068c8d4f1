import type {
  CallbackUrls, GatewayCallback, GatewayEvent, GatewaySession, PaymentCustomer, PaymentGateway, RefundOutcome, RefundRequest, WebhookDelivery,
} from '../../application/ports/PaymentGateway';
import type { Payment, VerifiedPayment } from '../../domain/payment/Payment';
import { DependencyUnavailable } from '../../domain/shared/errors';
import { Money } from '../../domain/shared/Money';

export interface SslCommerzSettings {
  storeId: string;
  storePassword: string;
  /** `https://sandbox.sslcommerz.com` or `https://securepay.sslcommerz.com`. */
  baseUrl: string;
  timeoutMs?: number;
}

const VAL_ID = /^[0-9A-Za-z_-]{1,100}$/;

/** What the Order Validation API and the Transaction Query API report per transaction. */
type Report = Record<string, unknown>;

/** A field of a report as text: strings and numbers as they are, anything else as `fallback`. */
const text = (value: unknown, fallback = ''): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : fallback);

/**
 * SSLCommerz v4: a session from `gwprocess/v4/api.php`, and every redirect or IPN confirmed by
 * the Order Validation API with its `val_id`; only VALID/VALIDATED with our amount, currency and
 * tran_id counts. A callback without a val_id (fail, cancel) cannot be verified and changes nothing.
 * Its validation is repeatable (VALID, then VALIDATED), so there is nothing to consume. The
 * reconciler asks the Transaction Query API (`merchantTransIDvalidationAPI.php`) by our tran_id.
 * Refunds go through the same endpoint: initiated by `bank_tran_id` with our refund id as
 * `refund_trans_id` (a retry names the same refund), then queried by the `refund_ref_id` it gave;
 * SSLCommerz confirms a refund later ('success' only means initiated). It sends no refund notices;
 * its IPN is a payment notice, verified through the validation API like a redirect.
 */
export class SslCommerzGateway implements PaymentGateway {
  readonly name = 'sslcommerz';
  /** What its documentation lists for `currency`. */
  readonly currencies = ['BDT', 'USD', 'EUR', 'SGD', 'INR', 'MYR'] as const;

  constructor(private readonly settings: SslCommerzSettings) {}

  async createSession(payment: Payment, customer: PaymentCustomer, urls: CallbackUrls): Promise<GatewaySession> {
    const form = new URLSearchParams({
      store_id: this.settings.storeId,
      store_passwd: this.settings.storePassword,
      total_amount: payment.amount.major.toFixed(2),
      currency: payment.amount.currency,
      tran_id: payment.transactionId,
      success_url: urls.success,
      fail_url: urls.fail,
      cancel_url: urls.cancel,
      ipn_url: urls.ipn,
      cus_name: customer.name,
      cus_email: customer.email,
      cus_phone: customer.phone,
      cus_add1: customer.address,
      cus_city: 'Dhaka',
      cus_postcode: '1000',
      cus_country: 'Bangladesh',
      shipping_method: 'NO',
      num_of_item: '1',
      product_name: 'Tour booking',
      product_category: 'Travel',
      product_profile: 'non-physical-goods',
      value_a: payment.id,
    });
    const body = await this.call(`${this.settings.baseUrl}/gwprocess/v4/api.php`, { method: 'POST', body: form });
    if (body.status !== 'SUCCESS' || typeof body.GatewayPageURL !== 'string' || !body.GatewayPageURL) {
      throw new DependencyUnavailable('payment gateway', `SSLCommerz refused the session: ${text(body.failedreason ?? body.status, 'no reason')}`);
    }
    return { paymentUrl: body.GatewayPageURL, sessionRef: text(body.sessionkey) };
  }

  async check(callback: GatewayCallback): Promise<VerifiedPayment | null> {
    const valId = callback.val_id;
    if (!valId || !VAL_ID.test(valId)) return null;
    const body = await this.call(this.apiUrl('/validator/api/validationserverAPI.php', { val_id: valId, v: '1' }), { method: 'GET' });
    return paid(body, valId);
  }

  async consume(): Promise<void> {
    // Nothing is single-use at SSLCommerz: a second validation answers VALIDATED.
  }

  async lookup(attempt: { transactionId: string }): Promise<VerifiedPayment | null> {
    const { transactionId } = attempt;
    const body = await this.query({ tran_id: transactionId });
    const found = Array.isArray(body.element) ? (body.element as Report[]) : [];
    // A session may hold several tries (a declined card, then a good one): any success counts.
    for (const report of found.filter((r) => r.tran_id === transactionId)) {
      const verified = paid(report, text(report.val_id));
      if (verified) return verified;
    }
    return null;
  }

  async refund(request: RefundRequest): Promise<RefundOutcome> {
    const bankTranId = request.paymentRef || (await this.lookup({ transactionId: request.transactionId }))?.paymentRef;
    if (!bankTranId) return { refundId: request.refundId, gatewayRefundId: null, state: 'FAILED', failureReason: 'SSLCommerz has no payment for this transaction' };
    const body = await this.query({
      bank_tran_id: bankTranId, refund_trans_id: request.refundId, refund_amount: request.amount.major.toFixed(2),
      refund_remarks: request.reason.slice(0, 255), refe_id: request.refundId,
    });
    const gatewayRefundId = text(body.refund_ref_id) || null;
    if (body.status === 'failed') return { refundId: request.refundId, gatewayRefundId, state: 'FAILED', failureReason: text(body.errorReason, 'refused by SSLCommerz') };
    // 'success': initiated now; 'processing': initiated before (a retry). Either way it confirms later.
    if (body.status === 'success' || body.status === 'processing') return { refundId: request.refundId, gatewayRefundId, state: 'PENDING' };
    throw new DependencyUnavailable('payment gateway', `SSLCommerz answered the refund with status ${text(body.status, 'none')}`);
  }

  async refundStatus(refund: { refundId: string; gatewayRefundId: string | null; transactionId: string; paymentRef: string }): Promise<RefundOutcome> {
    if (!refund.gatewayRefundId) throw new DependencyUnavailable('payment gateway', 'SSLCommerz gave this refund no reference yet: initiate it again');
    const body = await this.query({ refund_ref_id: refund.gatewayRefundId });
    const state = REFUND_STATES[text(body.status)];
    if (!state) throw new DependencyUnavailable('payment gateway', `SSLCommerz answered the refund query with status ${text(body.status, 'none')}`);
    return { refundId: refund.refundId, gatewayRefundId: refund.gatewayRefundId, state, ...(state === 'FAILED' ? { failureReason: text(body.errorReason, 'cancelled by SSLCommerz') } : {}) };
  }

  /** The IPN (form fields, as SSLCommerz posts them): vouched for only by the validation API. */
  async verifyWebhook(delivery: WebhookDelivery): Promise<GatewayEvent | null> {
    const fields = Object.fromEntries(new URLSearchParams(delivery.rawBody.toString('utf8')));
    if (!fields.val_id) return null;
    const verified = await this.check(fields);
    if (!verified || (fields.tran_id !== undefined && fields.tran_id !== verified.transactionId)) return null;
    return { kind: 'payment', eventId: `ipn-${verified.valId}`, verified };
  }

  /** The Transaction Query endpoint, which also initiates and queries refunds; anything but APIConnect DONE is the gateway not answering. */
  private async query(params: Record<string, string>): Promise<Report> {
    const body = await this.call(this.apiUrl('/validator/api/merchantTransIDvalidationAPI.php', params), { method: 'GET' });
    if (body.APIConnect !== 'DONE') {
      throw new DependencyUnavailable('payment gateway', `SSLCommerz transaction query answered ${text(body.APIConnect, 'nothing')}`);
    }
    return body;
  }

  private apiUrl(path: string, params: Record<string, string>): string {
    const url = new URL(`${this.settings.baseUrl}${path}`);
    for (const [key, value] of Object.entries({ ...params, store_id: this.settings.storeId, store_passwd: this.settings.storePassword, format: 'json' })) {
      url.searchParams.set(key, value);
    }
    return url.toString();
  }

  private async call(url: string, init: { method: string; body?: URLSearchParams }): Promise<Report> {
    let response: Response;
    try {
      response = await fetch(url, { ...init, signal: AbortSignal.timeout(this.settings.timeoutMs ?? 15_000) });
    } catch (error) {
      throw new DependencyUnavailable('payment gateway', `SSLCommerz did not answer: ${(error as Error).message}`);
    }
    const text = await response.text();
    if (!response.ok) throw new DependencyUnavailable('payment gateway', `SSLCommerz answered ${response.status}`);
    try {
      return JSON.parse(text) as Report;
    } catch {
      throw new DependencyUnavailable('payment gateway', 'SSLCommerz answered with something that is not JSON');
    }
  }
}

/** A VALID/VALIDATED report of a transaction as what we asked for; null for anything else. */
function paid(report: Report, valId: string): VerifiedPayment | null {
  if (report.status !== 'VALID' && report.status !== 'VALIDATED') return null;
  // `currency_type`/`currency_amount` are what we asked for; `currency`/`amount` may be the settlement (BDT).
  const currency = text(report.currency_type || report.currency);
  const major = Number(report.currency_amount || report.amount);
  if (!VAL_ID.test(valId) || !/^[A-Z]{3}$/.test(currency) || !Number.isFinite(major) || major < 0 || typeof report.tran_id !== 'string') return null;
  return { transactionId: report.tran_id, amount: Money.ofMinor(Math.round(major * 100), currency), status: 'PAID', valId, paymentRef: text(report.bank_tran_id) };
}

/** The refund query's statuses. */
const REFUND_STATES: Record<string, RefundOutcome['state'] | undefined> = { refunded: 'COMPLETED', processing: 'PENDING', cancelled: 'FAILED' };
