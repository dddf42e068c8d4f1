import { DependencyUnavailable } from '../../../../src/domain/shared/errors';
import { paidBookingKit } from './confirmationKit';

describe('SendBookingConfirmation', () => {
  test('mails the traveller once, under an idempotency key naming the payment', async () => {
    const { mailer, send, user, payment } = await paidBookingKit();
    expect(await send.execute({ paymentId: payment.id })).toBe('sent');
    expect(await send.execute({ paymentId: payment.id })).toBe('skipped');
    expect(mailer.sent.map((m) => [m.to, m.idempotencyKey])).toEqual([[user.email.value, `booking-confirmation.${payment.id}`]]);
  });

  test('sent, then recording it failed: the retry sends the same message again and the outbox keeps one', async () => {
    const { w, mailer, send, payment } = await paidBookingKit();
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
