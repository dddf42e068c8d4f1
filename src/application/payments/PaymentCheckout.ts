import type { Payment } from '../../domain/payment/Payment';
import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { ValidationFailed } from '../../domain/shared/errors';
import type { User } from '../../domain/user/User';
import type { Clock } from '../ports/Clock';
import type { IdGenerator } from '../ports/IdGenerator';
import type { CallbackUrls, PaymentGateway } from '../ports/PaymentGateway';
import type { PaymentRepository } from '../ports/PaymentRepository';
import type { UnitOfWork } from '../ports/UnitOfWork';

/** Opens a gateway session for a payment's current attempt, outside any transaction (the gateway may be slow), then records it. */
export class PaymentCheckout {
  constructor(
    private readonly gateway: PaymentGateway,
    private readonly payments: PaymentRepository,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
    private readonly urls: CallbackUrls,
  ) {}

  get gatewayName(): string {
    return this.gateway.name;
  }

  /** A booking is refused, before anything is written, in a currency the gateway does not take (PayPal takes no BDT). */
  assertTakes(currency: string): void {
    const { currencies } = this.gateway;
    if (currencies !== 'any' && !currencies.includes(currency)) {
      throw new ValidationFailed(`The payment gateway (${this.gateway.name}) does not take ${currency}`, [{ path: 'tour', message: `is priced in ${currency}, which ${this.gateway.name} does not take` }], ERROR_CODES.BOOKING.CURRENCY_NOT_ACCEPTED);
    }
  }

  /** Our `tran_id`: short enough for every gateway (SSLCommerz takes 30 characters). */
  newTransactionId(): string {
    return `TRX${this.ids.next().replace(/[^0-9a-zA-Z]/g, '').slice(-24).toUpperCase()}`;
  }

  async start(payment: Payment, customer: User): Promise<string> {
    const session = await this.gateway.createSession(
      payment,
      { name: customer.name, email: customer.email.value, phone: customer.phone ?? '', address: customer.address ?? '' },
      this.urls,
    );
    await this.uow.run(() => this.payments.attachSession(payment.transactionId, session.sessionRef, this.clock.now()));
    return session.paymentUrl;
  }
}
