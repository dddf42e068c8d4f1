import type { BookingRepository } from '../ports/BookingRepository';
import type { Clock } from '../ports/Clock';
import type { Mailer } from '../ports/Mailer';
import type { PaymentRepository } from '../ports/PaymentRepository';
import type { TemplateRenderer } from '../ports/TemplateRenderer';
import type { UnitOfWork } from '../ports/UnitOfWork';

/**
 * The `SendBookingConfirmation` job: mails the traveller once their booking completed.
 * Runs again safely: a payment whose confirmation is recorded as sent is skipped. When recording
 * fails after the send (a crash, a database blip), the retry sends the same message under the same
 * idempotency key: the `.eml` outbox keeps one, and over SMTP the repeat carries the same Message-ID.
 */
export class SendBookingConfirmation {
  constructor(
    private readonly payments: PaymentRepository,
    private readonly bookings: BookingRepository,
    private readonly mailer: Mailer,
    private readonly templates: TemplateRenderer,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
    private readonly frontendUrl: string,
  ) {}

  async execute(input: { paymentId: string }): Promise<'sent' | 'skipped'> {
    const payment = await this.payments.findById(input.paymentId);
    if (!payment || payment.confirmationSentAt || payment.status !== 'PAID') return 'skipped';
    const view = await this.bookings.findView(payment.bookingId);
    if (!view || !view.user || view.booking.status !== 'COMPLETE') return 'skipped';
    const mail = this.templates.email('booking-confirmed', {
      name: view.user.name,
      tourTitle: view.tour?.title ?? 'your tour',
      startDate: view.tour?.startDate ? view.tour.startDate.toISOString().slice(0, 10) : null,
      guestCount: view.booking.guestCount,
      amount: payment.amount.format(),
      transactionId: payment.transactionId,
      bookingsLink: `${this.frontendUrl}/user/bookings`,
    });
    await this.mailer.send({ to: view.user.email, ...mail, idempotencyKey: `booking-confirmation.${payment.id}` });
    await this.uow.run(() => this.payments.markConfirmationSent(payment.id, this.clock.now()));
    return 'sent';
  }
}
