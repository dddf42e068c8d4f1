import { PAYMENT_STATUSES, Payment, PaymentStatus, VerifiedPayment } from '../../../../src/domain/payment/Payment';
import { Money } from '../../../../src/domain/shared/Money';

const now = new Date('2026-03-01T10:00:00.000Z');
const amount = Money.ofMinor(2_500_000, 'BDT');

function payment(status: PaymentStatus = 'UNPAID'): Payment {
  const p = Payment.open({ id: 'p1', bookingId: 'b1', transactionId: 'TRX1', amount, gateway: 'fake', now });
  return Payment.restore({ ...p.toProps(), status });
}

const verified = (overrides: Partial<VerifiedPayment> = {}): VerifiedPayment => ({ transactionId: 'TRX1', amount, status: 'PAID', valId: 'v1', ...overrides });

const ALLOWED: [PaymentStatus, PaymentStatus][] = [['UNPAID', 'PAID'], ['UNPAID', 'FAILED'], ['UNPAID', 'CANCELLED'], ['PAID', 'REFUNDED']];
const ALL_PAIRS = PAYMENT_STATUSES.flatMap((from) => PAYMENT_STATUSES.map((to) => [from, to] as [PaymentStatus, PaymentStatus]));

describe('Payment state machine', () => {
  test.each(ALL_PAIRS)('%s → %s', (from, to) => {
    expect(Payment.canMove(from, to)).toBe(ALLOWED.some(([f, t]) => f === from && t === to));
  });

  test.each(['PAID', 'FAILED', 'CANCELLED'] as const)('settling UNPAID as %s', (status) => {
    const p = payment();
    p.settle(verified({ status }), now);
    expect(p.status).toBe(status);
    expect(p.valId).toBe('v1');
    expect(p.paidAt).toEqual(status === 'PAID' ? now : null);
  });

  test.each(['PAID', 'FAILED', 'CANCELLED', 'REFUNDED'] as const)('a %s payment cannot be settled again', (status) => {
    expect(() => payment(status).settle(verified(), now)).toThrow(expect.objectContaining({ code: 'PAYMENT.INVALID_TRANSITION' }));
  });

  test('only PAID refunds, and refunding clears refundDue', () => {
    const p = payment('PAID');
    p.flagRefundDue(now);
    expect(p.refundDue).toBe(true);
    p.refund(now);
    expect(p.status).toBe('REFUNDED');
    expect(p.refundDue).toBe(false);
    expect(() => payment('UNPAID').refund(now)).toThrow(expect.objectContaining({ code: 'PAYMENT.INVALID_TRANSITION' }));
    expect(() => payment('UNPAID').flagRefundDue(now)).toThrow(expect.objectContaining({ code: 'PAYMENT.NOT_PAID' }));
  });
});

describe('Payment.assertMatches', () => {
  test('accepts exactly our transaction, amount and currency', () => {
    expect(() => payment().assertMatches(verified())).not.toThrow();
  });

  test.each([
    ['another transaction', { transactionId: 'TRX2' }, 'PAYMENT.TRANSACTION_MISMATCH'],
    ['a smaller amount', { amount: Money.ofMinor(2_499_999, 'BDT') }, 'PAYMENT.AMOUNT_MISMATCH'],
    ['another currency', { amount: Money.ofMinor(2_500_000, 'USD') }, 'PAYMENT.AMOUNT_MISMATCH'],
  ])('refuses %s', (_name, overrides, code) => {
    const p = payment();
    expect(() => p.settle(verified(overrides as Partial<VerifiedPayment>), now)).toThrow(expect.objectContaining({ code }));
    expect(p.status).toBe('UNPAID');
  });

  test('a new session only while UNPAID', () => {
    const p = payment();
    p.restartSession('TRX9', null, now);
    expect(p.transactionId).toBe('TRX9');
    expect(() => payment('PAID').restartSession('TRX9', null, now)).toThrow(expect.objectContaining({ code: 'PAYMENT.NOT_UNPAID' }));
  });
});
