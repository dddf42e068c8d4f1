import type { BillingRecord } from '../../src/application/ports/BillingQueries';
import { Money } from '../../src/domain/shared/Money';

let counter = 0;

export const BillingRecordMother = {
  /** A paid booking of 2 guests × 12,500.00 BDT on a Cox's Bazar tour. */
  paid(overrides: Partial<BillingRecord> = {}): BillingRecord {
    counter += 1;
    return {
      paymentId: `pay-${counter}`,
      paymentStatus: 'PAID',
      transactionId: `TXN-${String(counter).padStart(8, '0')}`,
      amount: Money.ofMinor(2_500_000, 'BDT'),
      paidAt: new Date('2026-03-01T09:30:00.000Z'),
      bookingId: `booking-${counter}`,
      guestCount: 2,
      customer: { userId: `user-${counter}`, name: 'Ayesha Rahman', email: `ayesha${counter}@example.com`, phone: '+8801711000000', address: 'Road 7, Gulshan, Dhaka' },
      tour: { title: "Cox's Bazar Sea Beach Getaway", startDate: new Date('2026-04-10T00:00:00.000Z'), endDate: new Date('2026-04-13T00:00:00.000Z') },
      ...overrides,
    };
  },
};
