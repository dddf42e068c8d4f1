import { SendBookingConfirmation } from '../../../../src/application/payments/SendBookingConfirmation';
import { TEMPLATES_DIR } from '../../../../src/infrastructure/templates/templatesDir';
import { HandlebarsTemplateRenderer } from '../../../../src/infrastructure/templates/HandlebarsTemplateRenderer';
import { InMemoryMailer } from '../../../fakes/InMemoryMailer';
import { bookingWorld } from '../bookingWorld';

/** A booking paid through the fake gateway (its jobs queued), and SendBookingConfirmation over an in-memory outbox. */
export async function paidBookingKit(options: { tourTitle?: string; guests?: number } = {}) {
  const w = bookingWorld();
  const mailer = new InMemoryMailer();
  const send = new SendBookingConfirmation(w.payments, w.bookings, mailer, new HandlebarsTemplateRenderer(TEMPLATES_DIR, { brandName: 'TourDesk' }), w.clock, w.uow, 'https://app.test');
  const user = await w.traveller();
  w.bookings.users.set(user.id, { id: user.id, name: user.name, email: user.email.value });
  const { payment } = await w.book(user, w.tour({ title: options.tourTitle ?? 'Sajek Valley' }), options.guests ?? 1);
  await w.confirmPayment.execute({ callback: w.gateway.pay(payment.transactionId), source: 'ipn' });
  return { w, mailer, send, user, payment };
}
