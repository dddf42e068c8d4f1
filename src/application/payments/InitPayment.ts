import { NotFound } from '../../domain/shared/errors';
import { Actor } from '../../domain/user/Role';
import { BookingRepository } from '../ports/BookingRepository';
import { Clock } from '../ports/Clock';
import { PaymentRepository } from '../ports/PaymentRepository';
import { UnitOfWork } from '../ports/UnitOfWork';
import { UserRepository } from '../ports/UserRepository';
import { PaymentCheckout } from './PaymentCheckout';

/** A fresh gateway session for the owner's PENDING booking while its hold lasts; older sessions stop counting. */
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
      const booking = await this.bookings.findById(bookingId);
      if (!booking || !booking.isOwnedBy(actor.userId) || !user) throw NotFound.of('Booking');
      booking.assertPayable(this.clock.now());
      const payment = await this.payments.findByBookingId(booking.id);
      if (!payment) throw NotFound.of('Payment');
      payment.restartSession(this.checkout.newTransactionId(), null, this.clock.now());
      await this.payments.save(payment);
      return payment;
    });
    return { paymentUrl: await this.checkout.start(payment, user!) };
  }
}
