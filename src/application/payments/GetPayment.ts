import { Booking } from '../../domain/booking/Booking';
import { Payment } from '../../domain/payment/Payment';
import { NotFound } from '../../domain/shared/errors';
import { Actor, isAdmin } from '../../domain/user/Role';
import { BookingRepository } from '../ports/BookingRepository';
import { PaymentRepository } from '../ports/PaymentRepository';

/** A payment as the booking's owner or an admin sees it; others get 404. */
export class GetPayment {
  constructor(private readonly payments: PaymentRepository, private readonly bookings: BookingRepository) {}

  async execute(actor: Actor, paymentId: string): Promise<{ payment: Payment; booking: Booking }> {
    const payment = await this.payments.findById(paymentId);
    const booking = payment ? await this.bookings.findById(payment.bookingId) : null;
    if (!payment || !booking || (!isAdmin(actor.role) && !booking.isOwnedBy(actor.userId))) throw NotFound.of('Payment');
    return { payment, booking };
  }
}
