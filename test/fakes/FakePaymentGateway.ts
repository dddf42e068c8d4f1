import { CallbackUrls, GatewayCallback, GatewaySession, PaymentCustomer, PaymentGateway } from '../../src/application/ports/PaymentGateway';
import { Payment, VerifiedPayment } from '../../src/domain/payment/Payment';
import { DependencyUnavailable } from '../../src/domain/shared/errors';
import { Money } from '../../src/domain/shared/Money';

interface Session {
  ref: string;
  transactionId: string;
  amount: Money;
  urls: CallbackUrls;
}

/**
 * A gateway in memory. `pay`/`decline`/`cancel` play the customer and return the callback the
 * gateway would send; `verify` answers from the gateway's own records, repeatably (like a
 * validation API). `vouchFor` makes it confirm something else, to test mismatches.
 */
export class FakePaymentGateway implements PaymentGateway {
  readonly name = 'fake';
  readonly sessions: Session[] = [];
  private readonly outcomes = new Map<string, VerifiedPayment>();
  private down = false;
  private n = 0;

  async createSession(payment: Payment, _customer: PaymentCustomer, urls: CallbackUrls): Promise<GatewaySession> {
    if (this.down) throw new DependencyUnavailable('payment gateway');
    this.n += 1;
    const ref = `fake-session-${this.n}`;
    this.sessions.push({ ref, transactionId: payment.transactionId, amount: payment.amount, urls });
    return { paymentUrl: `https://gateway.test/checkout/${ref}`, sessionRef: ref };
  }

  async verify(callback: GatewayCallback): Promise<VerifiedPayment | null> {
    if (this.down) throw new DependencyUnavailable('payment gateway');
    return this.outcomes.get(callback.val_id ?? '') ?? null;
  }

  pay(transactionId: string): GatewayCallback {
    return this.settle(transactionId, 'PAID');
  }

  decline(transactionId: string): GatewayCallback {
    return this.settle(transactionId, 'FAILED');
  }

  cancel(transactionId: string): GatewayCallback {
    return this.settle(transactionId, 'CANCELLED');
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

  private settle(transactionId: string, status: VerifiedPayment['status']): GatewayCallback {
    const session = [...this.sessions].reverse().find((s) => s.transactionId === transactionId);
    if (!session) throw new Error(`no session for ${transactionId}`);
    return this.vouchFor({ transactionId, amount: session.amount, status });
  }
}
