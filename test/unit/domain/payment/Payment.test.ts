import type { PaymentStatus, VerifiedPayment } from '../../../../src/domain/payment/Payment';
import { PAYMENT_STATUSES, Payment } from '../../../../src/domain/payment/Payment';
import { PaymentAttempt } from '../../../../src/domain/payment/PaymentAttempt';
import { Money } from '../../../../src/domain/shared/Money';

const now = new Date('2026-03-01T10:00:00.000Z');
const amount = Money.ofMinor(2_500_000, 'BDT');

function payment(status: PaymentStatus = 'UNPAID'): Payment {
  const p = Payment.open({ id: 'p1', bookingId: 'b1', transactionId: 'TRX1', amount, gateway: 'fake', now });
  return Payment.restore({ ...p.toProps(), status });
}

const verified = (overrides: Partial<VerifiedPayment> = {}): VerifiedPayment => ({ transactionId: 'TRX1', amount, status: 'PAID', valId: 'v1', paymentRef: 'ref-1', ...overrides });

const ALLOWED: [PaymentStatus, PaymentStatus][] = [
  ['UNPAID', 'PAID'], ['UNPAID', 'FAILED'], ['UNPAID', 'CANCELLED'], ['PAID', 'REFUND_PENDING'], ['FAILED', 'PAID'], ['CANCELLED', 'PAID'],
  ['REFUND_PENDING', 'PAID'], ['REFUND_PENDING', 'PARTIALLY_REFUNDED'], ['REFUND_PENDING', 'REFUNDED'], ['PARTIALLY_REFUNDED', 'REFUND_PENDING'],
];
const ALL_PAIRS = PAYMENT_STATUSES.flatMap((from) => PAYMENT_STATUSES.map((to) => [from, to] as [PaymentStatus, PaymentStatus]));

describe('Payment state machine', () => {
  test.each(ALL_PAIRS)('%s → %s', (from, to) => {
    expect(Payment.canMove(from, to)).toBe(ALLOWED.some(([f, t]) => f === from && t === to));
  });

  test('only money taken can be owed back', () => {
    expect(() => payment('UNPAID').flagRefundDue(now)).toThrow(expect.objectContaining({ code: 'PAYMENT.NOT_PAID' }));
  });
});

describe('Payment refunds: amounts never above what was paid', () => {
  const bdt = (minor: number) => Money.ofMinor(minor, 'BDT');

  test('a full refund: REFUND_PENDING while the gateway has not answered, then REFUNDED, settling refundDue', () => {
    const p = payment('PAID');
    p.flagRefundDue(now);
    p.startRefund(amount, now);
    expect(p.status).toBe('REFUND_PENDING');
    expect(p.refundable.minor).toBe(0);
    p.completeRefund(amount, now);
    expect(p.status).toBe('REFUNDED');
    expect(p.fullyRefunded).toBe(true);
    expect(p.refundDue).toBe(false);
    expect(() => p.startRefund(amount, now)).toThrow(expect.objectContaining({ code: 'REFUND.ALREADY_REFUNDED' }));
  });

  test('partial refunds add up to PARTIALLY_REFUNDED, then REFUNDED; more than is left is refused', () => {
    const p = payment('PAID');
    p.startRefund(bdt(1_000_000), now);
    p.completeRefund(bdt(1_000_000), now);
    expect(p.status).toBe('PARTIALLY_REFUNDED');
    expect(p.refundable.minor).toBe(1_500_000);
    expect(() => p.startRefund(bdt(1_500_001), now)).toThrow(expect.objectContaining({ code: 'REFUND.EXCEEDS_PAID' }));
    p.startRefund(bdt(1_500_000), now);
    p.completeRefund(bdt(1_500_000), now);
    expect(p.status).toBe('REFUNDED');
    expect(p.refunded.minor).toBe(2_500_000);
  });

  test('a refund reserved and refused frees its amount again', () => {
    const p = payment('PAID');
    p.startRefund(amount, now);
    expect(() => p.startRefund(bdt(1), now)).toThrow(expect.objectContaining({ code: 'REFUND.ALREADY_REFUNDED' }));
    p.failRefund(amount, now);
    expect(p.status).toBe('PAID');
    expect(p.refundable.minor).toBe(amount.minor);
  });

  test.each(['UNPAID', 'FAILED', 'CANCELLED'] as const)('a %s payment has nothing to refund', (status) => {
    expect(() => payment(status).startRefund(bdt(100), now)).toThrow(expect.objectContaining({ code: 'REFUND.PAYMENT_NOT_PAID' }));
  });

  test('zero, another currency, or completing what was never reserved are refused', () => {
    const p = payment('PAID');
    expect(() => p.startRefund(bdt(0), now)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => p.startRefund(Money.ofMinor(100, 'USD'), now)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => p.completeRefund(bdt(100), now)).toThrow(expect.objectContaining({ code: 'REFUND.NOT_PENDING' }));
  });
});

describe('Payment.receive: a verdict on one of its attempts', () => {
  test.each(['PAID', 'FAILED', 'CANCELLED'] as const)('the current attempt settles an UNPAID payment as %s', (status) => {
    const p = payment();
    expect(p.receive(verified({ status }), now)).toBe('SETTLED');
    expect(p.status).toBe(status);
    expect(p.valId).toBe('v1');
    expect(p.paidAt).toEqual(status === 'PAID' ? now : null);
  });

  test('money on a superseded attempt is applied, and the payment records which attempt paid', () => {
    const p = payment();
    p.restartSession('TRX2', now);
    expect(p.receive(verified({ transactionId: 'TRX1' }), now)).toBe('SETTLED');
    expect([p.status, p.transactionId]).toEqual(['PAID', 'TRX1']);
  });

  test.each(['FAILED', 'CANCELLED'] as const)('money arriving on another attempt of a %s payment still makes it PAID', (status) => {
    const p = payment(status);
    expect(p.receive(verified({ transactionId: 'TRX0' }), now)).toBe('SETTLED');
    expect(p.status).toBe('PAID');
  });

  test.each(['PAID', 'PARTIALLY_REFUNDED', 'REFUNDED'] as const)('money arriving again on a %s payment keeps it and flags a refund', (status) => {
    const p = payment(status);
    expect(p.receive(verified({ transactionId: 'TRX0' }), now)).toBe('PAID_AGAIN');
    expect([p.status, p.refundDue, p.transactionId]).toEqual([status, true, 'TRX1']);
  });

  test('a failure on a superseded attempt, or on a settled payment, only closes that attempt', () => {
    const p = payment();
    p.restartSession('TRX2', now);
    expect(p.receive(verified({ transactionId: 'TRX1', status: 'FAILED' }), now)).toBe('ATTEMPT_ONLY');
    expect(p.status).toBe('UNPAID');
    const paid = payment('PAID');
    expect(paid.receive(verified({ status: 'CANCELLED' }), now)).toBe('ATTEMPT_ONLY');
    expect(paid.status).toBe('PAID');
  });

  test.each([
    ['a smaller amount', { amount: Money.ofMinor(2_499_999, 'BDT') }],
    ['another currency', { amount: Money.ofMinor(2_500_000, 'USD') }],
  ])('refuses %s and changes nothing', (_name, overrides) => {
    const p = payment();
    expect(() => p.receive(verified(overrides), now)).toThrow(expect.objectContaining({ code: 'PAYMENT.AMOUNT_MISMATCH' }));
    expect(p.status).toBe('UNPAID');
  });

  test('a new session only while UNPAID', () => {
    const p = payment();
    p.restartSession('TRX9', now);
    expect(p.transactionId).toBe('TRX9');
    expect(() => payment('PAID').restartSession('TRX9', now)).toThrow(expect.objectContaining({ code: 'PAYMENT.NOT_UNPAID' }));
  });
});

describe('PaymentAttempt', () => {
  test('takes one verdict, for its own transaction id only', () => {
    const attempt = PaymentAttempt.open({ transactionId: 'TRX1', paymentId: 'p1', gateway: 'fake', now });
    expect(attempt.hasVerdict).toBe(false);
    expect(() => attempt.record(verified({ transactionId: 'TRX2' }), now)).toThrow(expect.objectContaining({ code: 'PAYMENT.TRANSACTION_MISMATCH' }));
    attempt.record(verified({ status: 'FAILED' }), now);
    expect([attempt.status, attempt.valId, attempt.hasVerdict]).toEqual(['FAILED', 'v1', true]);
    expect(() => attempt.record(verified(), now)).toThrow(expect.objectContaining({ code: 'PAYMENT.ATTEMPT_SETTLED' }));
  });
});
