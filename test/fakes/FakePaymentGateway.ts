import type { CallbackUrls, GatewayCallback, GatewaySession, PaymentCustomer, PaymentGateway } from '../../src/application/ports/PaymentGateway';
import type { Payment, VerifiedPayment } from '../../src/domain/payment/Payment';
import { Conflict, DependencyUnavailable } from '../../src/domain/shared/errors';
import type { Money } from '../../src/domain/shared/Money';
import { TransactionalTable } from './TransactionalTable';

interface Session {
  ref: string;
  paymentId: string;
  transactionId: string;
  amount: Money;
  urls: CallbackUrls;
  completed: boolean;
  voided: boolean;
}

/**
 * A gateway in memory, single-use like the sandbox. `pay`/`decline`/`cancel` play the customer and
 * return the callback the gateway would send (refused on a checkout a newer one voided); `check`
 * answers from the gateway's own records until `consume` spends the val_id, which rolls back with
 * the InMemoryUnitOfWork it ran in. `lookup` is its
 * transaction query. `vouchFor` makes it confirm something else, to test mismatches.
 */
export class FakePaymentGateway implements PaymentGateway {
  readonly name = 'fake';
  readonly sessions: Session[] = [];
  private readonly outcomes = new Map<string, VerifiedPayment>();
  private readonly spent = new TransactionalTable<{ at: true }>();
  private down = false;
  private n = 0;

  async createSession(payment: Payment, _customer: PaymentCustomer, urls: CallbackUrls): Promise<GatewaySession> {
    if (this.down) throw new DependencyUnavailable('payment gateway');
    for (const older of this.sessions.filter((s) => s.paymentId === payment.id && !s.completed)) older.voided = true;
    this.n += 1;
    const ref = `fake-session-${this.n}`;
    this.sessions.push({ ref, paymentId: payment.id, transactionId: payment.transactionId, amount: payment.amount, urls, completed: false, voided: false });
    return { paymentUrl: `https://gateway.test/checkout/${ref}`, sessionRef: ref };
  }

  async check(callback: GatewayCallback): Promise<VerifiedPayment | null> {
    if (this.down) throw new DependencyUnavailable('payment gateway');
    const valId = callback.val_id ?? '';
    return this.spent.has(valId) ? null : (this.outcomes.get(valId) ?? null);
  }

  async consume(verified: VerifiedPayment): Promise<void> {
    await this.spent.set(verified.valId, { at: true });
  }

  async lookup(transactionId: string): Promise<VerifiedPayment | null> {
    if (this.down) throw new DependencyUnavailable('payment gateway');
    return [...this.outcomes.values()].reverse().find((v) => v.transactionId === transactionId) ?? null;
  }

  pay(transactionId: string): GatewayCallback {
    return this.complete(transactionId, 'PAID');
  }

  decline(transactionId: string): GatewayCallback {
    return this.complete(transactionId, 'FAILED');
  }

  cancel(transactionId: string): GatewayCallback {
    return this.complete(transactionId, 'CANCELLED');
  }

  /** The gateway vouches for exactly `verified` under a new val_id. */
  vouchFor(verified: Omit<VerifiedPayment, 'valId'>): GatewayCallback {
    this.n += 1;
    const valId = `fake-val-${this.n}`;
    this.outcomes.set(valId, { ...verified, valId });
    return { tran_id: verified.transactionId, val_id: valId, amount: verified.amount.major.toFixed(2), status: 'VALID' };
  }

  unavailable(down = true): void {
    this.down = down;
  }

  private complete(transactionId: string, status: VerifiedPayment['status']): GatewayCallback {
    const session = [...this.sessions].reverse().find((s) => s.transactionId === transactionId);
    if (!session) throw new Error(`no session for ${transactionId}`);
    if (session.voided) throw new Conflict('This checkout was replaced by a newer one; pay there', 'SANDBOX.SUPERSEDED');
    if (session.completed) throw new Conflict('This checkout is already completed', 'SANDBOX.COMPLETED');
    session.completed = true;
    return this.vouchFor({ transactionId, amount: session.amount, status });
  }
}
