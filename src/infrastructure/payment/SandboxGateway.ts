import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { In, IsNull, Not } from 'typeorm';
import type { Clock } from '../../application/ports/Clock';
import type { IdGenerator } from '../../application/ports/IdGenerator';
import type {
  CallbackUrls, GatewayCallback, GatewayEvent, GatewaySession, PaymentCustomer, PaymentGateway, RefundOutcome, RefundRequest, WebhookDelivery,
} from '../../application/ports/PaymentGateway';
import type { SandboxCheckout, SandboxOutcome, SandboxSessionView } from '../../application/ports/SandboxCheckout';
import type { Payment, VerifiedPayment } from '../../domain/payment/Payment';
import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { Conflict, NotFound } from '../../domain/shared/errors';
import { Money } from '../../domain/shared/Money';
import type { Database } from '../persistence/Database';
import { affectedRows } from '../persistence/Database';
import type { SandboxSessionRow } from '../persistence/entities/SandboxSessionEntity';
import { SandboxSessionEntity } from '../persistence/entities/SandboxSessionEntity';
import type { SandboxRefundRow } from '../persistence/entities/SandboxRefundEntity';
import { SandboxRefundEntity } from '../persistence/entities/SandboxRefundEntity';

const STATUS_PARAM: Record<SandboxOutcome, string> = { PAID: 'VALID', FAILED: 'FAILED', CANCELLED: 'CANCELLED' };
const VAL_ID = /^([0-9A-Za-z-]{1,64})\.([0-9a-f]{32})\.([0-9a-f]{64})$/;

/**
 * The built-in gateway: a checkout page served by the app, and its own records in
 * `sandbox_sessions`. A completed checkout redirects with a `val_id` that is HMAC-signed and
 * single-use; `check` trusts only its own row for it, never the callback's other fields, and
 * `consume` spends it in the caller's transaction. A newer checkout of the same payment voids the
 * older ones nobody completed, so money is never taken on a superseded checkout.
 *
 * Refunds are its own records too (`sandbox_refunds`, keyed by our refund id, so a retry finds the
 * first). Amounts let a demo or a test pick the outcome: one ending in .77 is PENDING (confirmed
 * when its status is asked or its webhook is sent), one ending in .99 is declined; the rest
 * complete at once. Its webhooks are JSON signed with an HMAC of the raw body
 * (`x-sandbox-signature: sha256=<hex>`).
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

  private get refunds() {
    return this.db.manager().getRepository(SandboxRefundEntity);
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

  async lookup(attempt: { transactionId: string }): Promise<VerifiedPayment | null> {
    const row = await this.repo.findOne({ where: { transactionId: attempt.transactionId, outcome: Not(IsNull()) }, order: { completedAt: 'DESC' } });
    return row ? verdictOf(row) : null;
  }

  refund(request: RefundRequest): Promise<RefundOutcome> {
    return this.db.transaction(async () => {
      const known = await this.refunds.findOneBy({ id: request.refundId });
      if (known) return outcomeOf(known);
      const session = await this.repo.findOneBy({ id: request.paymentRef });
      const failed = (failureReason: string): RefundOutcome => ({ refundId: request.refundId, gatewayRefundId: null, state: 'FAILED', failureReason });
      if (!session || session.outcome !== 'PAID' || session.transactionId !== request.transactionId) return failed('the sandbox took no money on this checkout');
      if (session.currency !== request.amount.currency) return failed(`the checkout was paid in ${session.currency}`);
      const given = (await this.refunds.find({ where: { sessionId: session.id } })).filter((r) => r.state !== 'FAILED').reduce((sum, r) => sum + Number(r.amount), 0);
      const marker = request.amount.minor % 100;
      const state = given + request.amount.minor > Number(session.amount) || marker === DECLINE_MARKER ? 'FAILED' : marker === PENDING_MARKER ? 'PENDING' : 'COMPLETED';
      const now = this.clock.now();
      const row: SandboxRefundRow = {
        id: request.refundId, sessionId: session.id, transactionId: session.transactionId, amount: request.amount.minor, currency: request.amount.currency, state,
        gatewayRefundId: `sbr-${this.ids.next()}`, failureReason: state !== 'FAILED' ? null : marker === DECLINE_MARKER ? 'declined by the sandbox (amount ending in .99)' : 'more than is left of the payment',
        createdAt: now, settledAt: state === 'PENDING' ? null : now,
      };
      await this.refunds.insert(row);
      return outcomeOf(row);
    });
  }

  /** A pending sandbox refund is confirmed the first time anyone asks about it. */
  async refundStatus(refund: { refundId: string }): Promise<RefundOutcome> {
    const row = await this.settlePending(refund.refundId);
    return row ? outcomeOf(row) : { refundId: refund.refundId, gatewayRefundId: null, state: 'FAILED', failureReason: 'the sandbox has no such refund' };
  }

  async verifyWebhook(delivery: WebhookDelivery): Promise<GatewayEvent | null> {
    const signature = /^sha256=([0-9a-f]{64})$/.exec(delivery.headers['x-sandbox-signature'] ?? '');
    if (!signature || !timingSafeEqual(Buffer.from(signature[1], 'hex'), this.webhookSignature(delivery.rawBody))) return null;
    let event: { id?: unknown; type?: unknown; data?: Record<string, unknown> };
    try {
      event = JSON.parse(delivery.rawBody.toString('utf8')) as typeof event;
    } catch {
      return null;
    }
    if (typeof event.id !== 'string' || !event.id || typeof event.type !== 'string') return null;
    const subject = typeof event.data?.id === 'string' ? event.data.id : '';
    // The signed body only names what happened; the sandbox's own records say what it was.
    if (event.type === 'payment.completed') {
      const verified = await this.lookup({ transactionId: subject });
      return verified ? { kind: 'payment', eventId: event.id, verified } : { kind: 'ignored', eventId: event.id, type: event.type };
    }
    if (event.type === 'refund.updated') {
      const row = await this.refunds.findOneBy({ id: subject });
      return row ? { kind: 'refund', eventId: event.id, outcome: outcomeOf(row) } : { kind: 'ignored', eventId: event.id, type: event.type };
    }
    return { kind: 'ignored', eventId: event.id, type: event.type };
  }

  /**
   * The webhook delivery the sandbox sends for one of its events: `payment.completed` names our
   * transaction id, `refund.updated` our refund id (a pending refund is confirmed first). For
   * demos and tests, which post it to /api/v1/payment/webhook/sandbox.
   */
  async webhook(type: 'payment.completed' | 'refund.updated' | string, id: string, eventId = `evt-${this.ids.next()}`): Promise<WebhookDelivery> {
    if (type === 'refund.updated') await this.settlePending(id);
    const rawBody = Buffer.from(JSON.stringify({ id: eventId, type, data: { id } }));
    return { rawBody, headers: { 'content-type': 'application/json', 'x-sandbox-signature': `sha256=${this.webhookSignature(rawBody).toString('hex')}` } };
  }

  private async settlePending(refundId: string): Promise<SandboxRefundRow | null> {
    await this.refunds.update({ id: refundId, state: 'PENDING' }, { state: 'COMPLETED', settledAt: this.clock.now() });
    return this.refunds.findOneBy({ id: refundId });
  }

  private webhookSignature(rawBody: Buffer): Buffer {
    return createHmac('sha256', `webhook:${this.secret}`).update(rawBody).digest();
  }

  private sign(sessionId: string, nonce: string): string {
    return createHmac('sha256', this.secret).update(`${sessionId}.${nonce}`).digest('hex');
  }
}

/** Refund amounts whose last two digits pick the sandbox's answer. */
const PENDING_MARKER = 77;
const DECLINE_MARKER = 99;

function verdictOf(row: SandboxSessionRow): VerifiedPayment {
  const outcome = row.outcome as SandboxOutcome;
  return { transactionId: row.transactionId, amount: Money.ofMinor(Number(row.amount), row.currency), status: outcome, valId: row.valId!, paymentRef: outcome === 'PAID' ? row.id : '' };
}

function outcomeOf(row: SandboxRefundRow): RefundOutcome {
  const state = row.state as RefundOutcome['state'];
  return { refundId: row.id, gatewayRefundId: state === 'FAILED' ? null : row.gatewayRefundId, state, ...(row.failureReason ? { failureReason: row.failureReason } : {}) };
}
