import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { Conflict, NotFound } from '../../domain/shared/errors';
import type { Actor } from '../../domain/user/Role';
import type { BookingRepository } from '../ports/BookingRepository';
import type { Clock } from '../ports/Clock';
import type { PaymentRepository } from '../ports/PaymentRepository';
import type { UnitOfWork } from '../ports/UnitOfWork';
import type { UserRepository } from '../ports/UserRepository';
import type { PaymentCheckout } from './PaymentCheckout';

/**
 * A fresh gateway checkout (a new attempt) for the owner's PENDING booking while its hold lasts.
 * Older attempts are kept: money the gateway still takes on one of them is applied, never lost.
 */
export class InitPayment {
  constructor(
    private readonly bookings: BookingRepository,
    private readonly payments: PaymentRepository,
    private readonly users: UserRepository,
    private readonly checkout: PaymentCheckout,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
  ) {}

  async execute(actor: Actor, bookingId: string): Promise<{ paymentUrl: string }> {
    const user = await this.users.findById(actor.userId);
    const payment = await this.uow.run(async () => {
      const now = this.clock.now();
      const booking = await this.bookings.findById(bookingId);
      if (!booking || !booking.isOwnedBy(actor.userId) || !user) throw NotFound.of('Booking', ERROR_CODES.BOOKING.NOT_FOUND);
      booking.assertPayable(now);
      const payment = await this.payments.findByBookingId(booking.id);
      if (!payment) throw NotFound.of('Payment', ERROR_CODES.PAYMENT.NOT_FOUND);
      this.checkout.assertTakes(payment.amount.currency);
      const previous = payment.transactionId;
      payment.restartSession(this.checkout.newTransactionId(), now);
      // Conditional: a confirmation or another checkout that moved the payment first wins.
      if (!(await this.payments.replaceAttempt(payment, previous, now))) {
        throw new Conflict('The payment changed meanwhile; reload the booking', ERROR_CODES.PAYMENT.CHANGED_CONCURRENTLY);
      }
      return payment;
    });
    return { paymentUrl: await this.checkout.start(payment, user!) };
  }
}
