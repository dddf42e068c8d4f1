import type { BookingView } from '../../../application/ports/BookingRepository';
import type { Booking } from '../../../domain/booking/Booking';
import type { Payment } from '../../../domain/payment/Payment';
import type { Refund } from '../../../domain/payment/Refund';

/** A booking as the API shows it; amounts in major units with their currency. */
export function presentBooking(booking: Booking) {
  return {
    _id: booking.id,
    id: booking.id,
    user: booking.userId,
    tour: booking.tourId as unknown,
    guestCount: booking.guestCount,
    status: booking.status,
    expiresAt: booking.expiresAt.toISOString(),
    amount: booking.amount.major,
    currency: booking.amount.currency,
    createdAt: booking.createdAt.toISOString(),
    updatedAt: booking.updatedAt.toISOString(),
  };
}

/** A booking with its tour and payment; `user` details only for admins. */
export function presentBookingView(view: BookingView, options: { withUser: boolean }) {
  const { tour, payment, user } = view;
  return {
    ...presentBooking(view.booking),
    tour: tour ? { _id: tour.id, id: tour.id, title: tour.title, slug: tour.slug, images: tour.images, startDate: tour.startDate?.toISOString() ?? null } : view.booking.tourId,
    payment: payment
      ? {
          _id: payment.id, id: payment.id, status: payment.status, amount: payment.amount.major, currency: payment.amount.currency,
          transactionId: payment.transactionId, invoiceNumber: payment.invoiceNumber, refundDue: payment.refundDue,
        }
      : null,
    ...(options.withUser && user ? { user: { _id: user.id, id: user.id, name: user.name, email: user.email } } : {}),
  };
}

export function presentPayment(payment: Payment, extra: { invoiceNumber?: string | null } = {}) {
  return {
    _id: payment.id,
    id: payment.id,
    booking: payment.bookingId,
    transactionId: payment.transactionId,
    status: payment.status,
    amount: payment.amount.major,
    currency: payment.amount.currency,
    gateway: payment.gateway,
    refundDue: payment.refundDue,
    refundedAmount: payment.refunded.major,
    refundPendingAmount: payment.refundPending.major,
    paidAt: payment.paidAt?.toISOString() ?? null,
    invoiceNumber: extra.invoiceNumber ?? null,
    createdAt: payment.createdAt.toISOString(),
    updatedAt: payment.updatedAt.toISOString(),
  };
}

/** A refund as the API shows it; amounts in major units with their currency. */
export function presentRefund(refund: Refund) {
  return {
    _id: refund.id,
    id: refund.id,
    payment: refund.paymentId,
    amount: refund.amount.major,
    currency: refund.amount.currency,
    reason: refund.reason,
    state: refund.state,
    gateway: refund.gateway,
    gatewayRefundId: refund.gatewayRefundId,
    failureReason: refund.failureReason,
    createdAt: refund.createdAt.toISOString(),
    settledAt: refund.settledAt?.toISOString() ?? null,
  };
}
