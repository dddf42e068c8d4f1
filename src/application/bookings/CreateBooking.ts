import { Booking } from '../../domain/booking/Booking';
import { assertSeatsAvailable } from '../../domain/booking/SeatPolicy';
import { Payment } from '../../domain/payment/Payment';
import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { Forbidden, NotFound, ValidationFailed } from '../../domain/shared/errors';
import type { Actor } from '../../domain/user/Role';
import type { BookingRepository } from '../ports/BookingRepository';
import type { Clock } from '../ports/Clock';
import type { IdGenerator } from '../ports/IdGenerator';
import type { PaymentRepository } from '../ports/PaymentRepository';
import type { UnitOfWork } from '../ports/UnitOfWork';
import type { UserRepository } from '../ports/UserRepository';
import type { PaymentCheckout } from '../payments/PaymentCheckout';

export const PROFILE_INCOMPLETE = 'Please Add Phone Number and Address In Your Profile For Booking!';

export interface CreatedBooking {
  booking: Booking;
  payment: Payment;
  paymentUrl: string;
}

/** Holds seats for a verified traveller and opens the payment for them. */
export class CreateBooking {
  constructor(
    private readonly users: UserRepository,
    private readonly bookings: BookingRepository,
    private readonly payments: PaymentRepository,
    private readonly checkout: PaymentCheckout,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
    private readonly holdMinutes: number,
  ) {}

  async execute(actor: Actor, input: { tourId: string; guestCount: number }): Promise<CreatedBooking> {
    const user = await this.users.findById(actor.userId);
    if (!user) throw NotFound.of('User', ERROR_CODES.USER.NOT_FOUND);
    if (!user.mayBook) throw new Forbidden('Only verified, active accounts can book', ERROR_CODES.BOOKING.USER_NOT_ALLOWED);
    const missing = (['phone', 'address'] as const).filter((field) => !user[field]);
    if (missing.length) {
      throw new ValidationFailed(PROFILE_INCOMPLETE, missing.map((path) => ({ path, message: 'is required for booking' })), ERROR_CODES.BOOKING.PROFILE_INCOMPLETE);
    }
    // Lock first, count second, insert third, all in one transaction: concurrent bookings of
    // one tour queue on the lock, so each counts the seats the previous ones took. The tour lock
    // comes before any booking or payment row, as in every transaction that touches seats.
    const { booking, payment } = await this.uow.run(async () => {
      const now = this.clock.now();
      const tour = await this.bookings.lockTour(input.tourId);
      if (!tour) throw NotFound.of('Tour', ERROR_CODES.TOUR.NOT_FOUND);
      this.checkout.assertTakes(tour.price.currency);
      assertSeatsAvailable(tour, await this.bookings.seatsHeld(tour.id, now), input.guestCount, now);
      const booking = Booking.hold({
        id: this.ids.next(), userId: user.id, tourId: tour.id, guestCount: input.guestCount, unitPrice: tour.price, now, holdMs: this.holdMinutes * 60_000,
      });
      const payment = Payment.open({
        id: this.ids.next(), bookingId: booking.id, transactionId: this.checkout.newTransactionId(), amount: booking.amount, gateway: this.checkout.gatewayName, now,
      });
      await this.bookings.create(booking);
      await this.payments.create(payment);
      return { booking, payment };
    });
    const paymentUrl = await this.checkout.start(payment, user);
    return { booking, payment, paymentUrl };
  }
}
