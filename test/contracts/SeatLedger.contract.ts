import type { SeatLedger } from '../../src/application/ports/SeatLedger';

export interface LedgerUnderTest {
  ledger: SeatLedger;
  addBooking(booking: { tourId: string; guestCount: number; status: 'PENDING' | 'COMPLETE' | 'CANCEL' | 'FAILED' | 'EXPIRED'; expiresAt: Date }): Promise<void>;
}

export function describeSeatLedgerContract(name: string, make: () => Promise<LedgerUnderTest>): void {
  describe(`SeatLedger contract: ${name}`, () => {
    const now = new Date('2026-03-01T10:00:00.000Z');
    const later = new Date('2026-03-01T10:30:00.000Z');
    const earlier = new Date('2026-03-01T09:30:00.000Z');
    let subject: LedgerUnderTest;
    beforeEach(async () => {
      subject = await make();
    });

    test('counts COMPLETE bookings and PENDING holds that have not lapsed, per tour', async () => {
      await subject.addBooking({ tourId: 'a', guestCount: 2, status: 'COMPLETE', expiresAt: earlier });
      await subject.addBooking({ tourId: 'a', guestCount: 3, status: 'PENDING', expiresAt: later });
      await subject.addBooking({ tourId: 'a', guestCount: 4, status: 'PENDING', expiresAt: earlier });
      await subject.addBooking({ tourId: 'a', guestCount: 5, status: 'CANCEL', expiresAt: later });
      await subject.addBooking({ tourId: 'a', guestCount: 6, status: 'FAILED', expiresAt: later });
      await subject.addBooking({ tourId: 'a', guestCount: 7, status: 'EXPIRED', expiresAt: later });
      await subject.addBooking({ tourId: 'b', guestCount: 1, status: 'PENDING', expiresAt: later });
      await subject.addBooking({ tourId: 'c', guestCount: 9, status: 'COMPLETE', expiresAt: later });
      const held = await subject.ledger.seatsHeld(['a', 'b', 'none'], now);
      expect(Object.fromEntries(held)).toEqual({ a: 5, b: 1 });
      expect((await subject.ledger.seatsHeld([], now)).size).toBe(0);
    });

    test('a tour with PENDING or COMPLETE bookings has live bookings, whatever the hold', async () => {
      await subject.addBooking({ tourId: 'pending', guestCount: 1, status: 'PENDING', expiresAt: earlier });
      await subject.addBooking({ tourId: 'done', guestCount: 1, status: 'COMPLETE', expiresAt: earlier });
      await subject.addBooking({ tourId: 'cancelled', guestCount: 1, status: 'CANCEL', expiresAt: later });
      expect(await subject.ledger.hasLiveBookings('pending')).toBe(true);
      expect(await subject.ledger.hasLiveBookings('done')).toBe(true);
      expect(await subject.ledger.hasLiveBookings('cancelled')).toBe(false);
      expect(await subject.ledger.hasLiveBookings('nobody')).toBe(false);
    });
  });
}
