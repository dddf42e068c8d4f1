import type { Booking } from '../../domain/booking/Booking';
import type { Payment } from '../../domain/payment/Payment';
import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { NotFound } from '../../domain/shared/errors';
import type { Actor } from '../../domain/user/Role';
import { isAdmin } from '../../domain/user/Role';
import type { BookingRepository } from '../ports/BookingRepository';
import type { InvoiceRepository } from '../ports/InvoiceRepository';
import type { PaymentRepository } from '../ports/PaymentRepository';

/** A payment as the booking's owner or an admin sees it, with its invoice number once issued; others get 404. */
export class GetPayment {
  constructor(private readonly payments: PaymentRepository, private readonly bookings: BookingRepository, private readonly invoices: InvoiceRepository) {}

  async execute(actor: Actor, paymentId: string): Promise<{ payment: Payment; booking: Booking; invoiceNumber: string | null }> {
    const payment = await this.payments.findById(paymentId);
    const booking = payment ? await this.bookings.findById(payment.bookingId) : null;
    if (!payment || !booking || (!isAdmin(actor.role) && !booking.isOwnedBy(actor.userId))) throw NotFound.of('Payment', ERROR_CODES.PAYMENT.NOT_FOUND);
    // A DRAFT's number is only reserved: it is not the payment's invoice until the PDF is issued.
    const invoice = await this.invoices.findByPaymentId(payment.id);
    return { payment, booking, invoiceNumber: invoice?.isIssued ? invoice.number.value : null };
  }
}
