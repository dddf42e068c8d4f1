import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { In, IsNull, Not } from 'typeorm';
import type { Clock } from '../../application/ports/Clock';
import type { IdGenerator } from '../../application/ports/IdGenerator';
import type { CallbackUrls, GatewayCallback, GatewayEvent, GatewaySession, PaymentCustomer, PaymentGateway, RefundOutcome } from '../../application/ports/PaymentGateway';
import type { SandboxCheckout, SandboxOutcome, SandboxSessionView } from '../../application/ports/SandboxCheckout';
import type { Payment, VerifiedPayment } from '../../domain/payment/Payment';
import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { Conflict, DependencyUnavailable, NotFound } from '../../domain/shared/errors';
import { Money } from '../../domain/shared/Money';
import type { Database } from '../persistence/Database';
import { affectedRows } from '../persistence/Database';
import type { SandboxSessionRow } from '../persistence/entities/SandboxSessionEntity';
import { SandboxSessionEntity } from '../persistence/entities/SandboxSessionEntity';

const STATUS_PARAM: Record<SandboxOutcome, string> = { PAID: 'VALID', FAILED: 'FAILED', CANCELLED: 'CANCELLED' };
const VAL_ID = /^([0-9A-Za-z-]{1,64})\.([0-9a-f]{32})\.([0-9a-f]{64})$/;

/**
 * The built-in gateway: a checkout page served by the app, and its own records in
 * `sandbox_sessions`. A completed checkout redirects with a `val_id` that is HMAC-signed and
 * single-use; `check` trusts only its own row for it, never the callback's other fields, and
 * `consume` spends it in the caller's transaction. A newer checkout of the same payment voids the
 * older ones nobody completed, so money is never taken on a superseded checkout.
 */
export class SandboxGateway implements PaymentGateway, SandboxCheckout {
  readonly name = 'sandbox';
  readonly currencies = 'any';

  constructor(
    private readonly db: Database,
    private readonly secret: string,
    private readonly checkoutBaseUrl: string,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  private get repo() {
    return this.db.manager().getRepository(SandboxSessionEntity);
  }

  async createSession(payment: Payment, customer: PaymentCustomer, urls: CallbackUrls): Promise<GatewaySession> {
    const id = this.ids.next();
    const now = this.clock.now();
    await this.db.transaction(async () => {
      // Found first, voided by primary key: an UPDATE by payment would gap-lock the index for inserts of other payments' sessions.
      const open = await this.repo.find({ select: { id: true }, where: { paymentId: payment.id, outcome: IsNull(), voidedAt: IsNull() } });
      if (open.length) await this.repo.update({ id: In(open.map((r) => r.id)), outcome: IsNull() }, { voidedAt: now });
      await this.repo.insert({
        id, transactionId: payment.transactionId, paymentId: payment.id, amount: payment.amount.minor, currency: payment.amount.currency, customerName: customer.name.slice(0, 120),
        successUrl: urls.success, failUrl: urls.fail, cancelUrl: urls.cancel, outcome: null, valId: null, completedAt: null, verifiedAt: null, voidedAt: null, createdAt: now,
      });
    });
    return { paymentUrl: `${this.checkoutBaseUrl}/${encodeURIComponent(id)}`, sessionRef: id };
  }

  async describe(sessionId: string): Promise<SandboxSessionView | null> {
    const row = await this.repo.findOneBy({ id: sessionId });
    if (!row) return null;
    return {
      id: row.id, transactionId: row.transactionId, amount: Money.ofMinor(Number(row.amount), row.currency), customerName: row.customerName,
      completed: row.outcome !== null, superseded: row.outcome === null && row.voidedAt !== null,
    };
  }

  complete(sessionId: string, outcome: SandboxOutcome): Promise<string> {
    return this.db.transaction(async () => {
      const row = await this.repo.findOneBy({ id: sessionId });
      if (!row) throw NotFound.of('Checkout session', ERROR_CODES.CHECKOUT_SESSION.NOT_FOUND);
      const nonce = randomBytes(16).toString('hex');
      const valId = `${row.id}.${nonce}.${this.sign(row.id, nonce)}`;
      const result = await this.repo.update({ id: row.id, outcome: IsNull(), voidedAt: IsNull() }, { outcome, valId, completedAt: this.clock.now() });
      if (affectedRows(result) !== 1) {
        if (row.outcome === null && row.voidedAt !== null) throw new Conflict('This checkout was replaced by a newer one; pay there', ERROR_CODES.SANDBOX.SUPERSEDED);
        throw new Conflict('This checkout is already completed', ERROR_CODES.SANDBOX.COMPLETED);
      }
      const target = new URL(outcome === 'PAID' ? row.successUrl : outcome === 'FAILED' ? row.failUrl : row.cancelUrl);
      const amount = Money.ofMinor(Number(row.amount), row.currency);
      for (const [key, value] of Object.entries({ tran_id: row.transactionId, val_id: valId, amount: amount.major.toFixed(2), currency: row.currency, status: STATUS_PARAM[outcome] })) {
        target.searchParams.set(key, value);
      }
      return target.toString();
    });
  }

  async check(callback: GatewayCallback): Promise<VerifiedPayment | null> {
    const match = VAL_ID.exec(callback.val_id ?? '');
    if (!match) return null;
    const [valId, sessionId, nonce, signature] = match;
    if (!timingSafeEqual(Buffer.from(signature, 'hex'), Buffer.from(this.sign(sessionId, nonce), 'hex'))) return null;
    const row = await this.repo.findOneBy({ id: sessionId });
    if (!row || row.valId !== valId || row.verifiedAt || !row.outcome) return null;
    if (callback.tran_id !== undefined && callback.tran_id !== row.transactionId) return null;
    return verdictOf(row);
  }

  async consume(verified: VerifiedPayment): Promise<void> {
    await this.repo.update({ valId: verified.valId, verifiedAt: IsNull() }, { verifiedAt: this.clock.now() });
  }

  async lookup({ transactionId }: { transactionId: string; gatewayRef: string | null }): Promise<VerifiedPayment | null> {
    const row = await this.repo.findOne({ where: { transactionId, outcome: Not(IsNull()) }, order: { completedAt: 'DESC' } });
    return row ? verdictOf(row) : null;
  }

  // Refunds and webhooks for this gateway arrive with the refunds branch (issue 16a); until then it offers neither.
  refund(): Promise<RefundOutcome> {
    return Promise.reject(new DependencyUnavailable('payment gateway', 'refunds are not available on this gateway yet'));
  }

  refundStatus(): Promise<RefundOutcome> {
    return Promise.reject(new DependencyUnavailable('payment gateway', 'refunds are not available on this gateway yet'));
  }

  verifyWebhook(): Promise<GatewayEvent | null> {
    return Promise.resolve(null);
  }

  private sign(sessionId: string, nonce: string): string {
    return createHmac('sha256', this.secret).update(`${sessionId}.${nonce}`).digest('hex');
  }
}

function verdictOf(row: SandboxSessionRow): VerifiedPayment {
  return { transactionId: row.transactionId, amount: Money.ofMinor(Number(row.amount), row.currency), status: row.outcome as SandboxOutcome, valId: row.valId!, paymentRef: row.id };
}
