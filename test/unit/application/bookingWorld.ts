import { CreateBooking } from '../../../src/application/bookings/CreateBooking';
import { ExpireHolds } from '../../../src/application/bookings/ExpireHolds';
import { ConfirmPayment } from '../../../src/application/payments/ConfirmPayment';
import { PaymentSettlement } from '../../../src/application/payments/PaymentSettlement';
import { InitPayment } from '../../../src/application/payments/InitPayment';
import { PaymentCheckout } from '../../../src/application/payments/PaymentCheckout';
import { ReconcilePayments } from '../../../src/application/payments/ReconcilePayments';
import { RefundPayment } from '../../../src/application/payments/RefundPayment';
import { RefundSettlement } from '../../../src/application/payments/RefundSettlement';
import type { BookableTour } from '../../../src/application/ports/BookingRepository';
import type { User } from '../../../src/domain/user/User';
import { FakeClock } from '../../fakes/FakeClock';
import { FakePaymentGateway } from '../../fakes/FakePaymentGateway';
import { InMemoryBookingRepository } from '../../fakes/InMemoryBookingRepository';
import { InMemoryJobStore } from '../../fakes/InMemoryJobStore';
import { InMemoryPaymentRepository } from '../../fakes/InMemoryPaymentRepository';
import { InMemoryRefundRepository } from '../../fakes/InMemoryRefundRepository';
import { InMemoryUnitOfWork } from '../../fakes/InMemoryUnitOfWork';
import { InMemoryUserRepository } from '../../fakes/InMemoryUserRepository';
import { RecordingLogger } from '../../fakes/RecordingLogger';
import { SequentialIds } from '../../fakes/SequentialIds';
import { TourMother } from '../../mothers/TourMother';
import { UserMother } from '../../mothers/UserMother';

export const HOLD_MINUTES = 30;
export const HOLD_MS = HOLD_MINUTES * 60_000;
const URLS = { success: 'https://api.test/payment/success', fail: 'https://api.test/payment/fail', cancel: 'https://api.test/payment/cancel', ipn: 'https://api.test/payment/validate-payment' };

/** Booking use cases wired to working in-memory fakes and a fake clock. */
export function bookingWorld() {
  const clock = new FakeClock();
  const ids = new SequentialIds();
  const users = new InMemoryUserRepository();
  const bookings = new InMemoryBookingRepository();
  const payments = new InMemoryPaymentRepository();
  const refunds = new InMemoryRefundRepository();
  const jobs = new InMemoryJobStore(clock);
  const gateway = new FakePaymentGateway();
  const logger = new RecordingLogger();
  const uow = new InMemoryUnitOfWork();
  const checkout = new PaymentCheckout(gateway, payments, ids, clock, uow, URLS);
  const confirmPayment = new ConfirmPayment(gateway, payments, new PaymentSettlement(gateway, payments, bookings, jobs, ids, clock), uow, logger);
  const refundSettlement = new RefundSettlement(gateway, payments, refunds, bookings, jobs, ids, clock);
  const world = {
    clock, ids, users, bookings, payments, refunds, jobs, gateway, logger, uow, refundSettlement,
    createBooking: new CreateBooking(users, bookings, payments, checkout, ids, clock, uow, HOLD_MINUTES),
    confirmPayment,
    reconcilePayments: new ReconcilePayments(payments, confirmPayment, clock, refunds, refundSettlement, uow),
    refundPayment: new RefundPayment(payments, refunds, refundSettlement, gateway.name, ids, clock, uow, logger),
    expireHolds: new ExpireHolds(bookings, clock, uow),
    initPayment: new InitPayment(bookings, payments, users, checkout, clock, uow),
    async traveller(overrides: Parameters<typeof UserMother.traveller>[0] = {}): Promise<User> {
      const user = UserMother.traveller(overrides);
      await users.save(user);
      return user;
    },
    tour(overrides: Partial<BookableTour> = {}, images: string[] = []): BookableTour {
      const tour = TourMother.bookable(overrides);
      bookings.addTour({ ...tour, images });
      return tour;
    },
    async book(user: User, tour: BookableTour, guestCount = 1) {
      return world.createBooking.execute({ userId: user.id, role: user.role }, { tourId: tour.id, guestCount });
    },
  };
  return world;
}
