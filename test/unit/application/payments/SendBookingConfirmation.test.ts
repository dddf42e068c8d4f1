import { SendBookingConfirmation } from '../../../../src/application/payments/SendBookingConfirmation';
import { DependencyUnavailable } from '../../../../src/domain/shared/errors';
import { TEMPLATES_DIR } from '../../../../src/infrastructure/container/coreModule';
import { HandlebarsTemplateRenderer } from '../../../../src/infrastructure/templates/HandlebarsTemplateRenderer';
import { InMemoryMailer } from '../../../fakes/InMemoryMailer';
import { bookingWorld } from '../bookingWorld';

async function paidBooking() {
  const w = bookingWorld();
  const mailer = new InMemoryMailer();
  const send = new SendBookingConfirmation(w.payments, w.bookings, mailer, new HandlebarsTemplateRenderer(TEMPLATES_DIR, { brandName: 'TourDesk' }), w.clock, w.uow, 'https://app.test');
  const user = await w.traveller();
  w.bookings.users.set(user.id, { id: user.id, name: user.name, email: user.email.value });
  const { payment } = await w.book(user, w.tour({ title: 'Sajek Valley' }), 1);
  await w.confirmPayment.execute({ callback: w.gateway.pay(payment.transactionId), source: 'ipn' });
  return { w, mailer, send, user, payment };
}

describe('SendBookingConfirmation', () => {
  test('mails the traveller once, under an idempotency key naming the payment', async () => {
    const { mailer, send, user, payment } = await paidBooking();
    expect(await send.execute({ paymentId: payment.id })).toBe('sent');
    expect(await send.execute({ paymentId: payment.id })).toBe('skipped');
    expect(mailer.sent.map((m) => [m.to, m.idempotencyKey])).toEqual([[user.email.value, `booking-confirmation.${payment.id}`]]);
  });

  test('sent, then recording it failed: the retry sends the same message again and the outbox keeps one', async () => {
    const { w, mailer, send, payment } = await paidBooking();
    const record = w.payments.markConfirmationSent.bind(w.payments);
    let failures = 1;
    w.payments.markConfirmationSent = async (...args) => {
      if (failures-- > 0) throw new DependencyUnavailable('database');
      return record(...args);
    };
    await expect(send.execute({ paymentId: payment.id })).rejects.toBeInstanceOf(DependencyUnavailable);
    expect(mailer.sent).toHaveLength(1);
    expect((await w.payments.findById(payment.id))!.confirmationSentAt).toBeNull();

    expect(await send.execute({ paymentId: payment.id })).toBe('sent');
    expect(mailer.sent).toHaveLength(1);
    expect((await w.payments.findById(payment.id))!.confirmationSentAt).toEqual(w.clock.now());
  });
});
