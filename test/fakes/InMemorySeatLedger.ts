import type { SeatLedger } from '../../src/application/ports/SeatLedger';

export interface LedgerBooking {
  tourId: string;
  guestCount: number;
  status: 'PENDING' | 'COMPLETE' | 'CANCEL' | 'FAILED' | 'EXPIRED';
  expiresAt: Date;
}

/** Bookings as plain records; what a test adds is what the ledger counts. */
export class InMemorySeatLedger implements SeatLedger {
  readonly bookings: LedgerBooking[] = [];

  add(booking: LedgerBooking): this {
    this.bookings.push(booking);
    return this;
  }

  async seatsHeld(tourIds: string[], now: Date): Promise<Map<string, number>> {
    const held = new Map<string, number>();
    for (const b of this.bookings) {
      const live = b.status === 'COMPLETE' || (b.status === 'PENDING' && b.expiresAt.getTime() > now.getTime());
      if (live && tourIds.includes(b.tourId)) held.set(b.tourId, (held.get(b.tourId) ?? 0) + b.guestCount);
    }
    return held;
  }

  async hasLiveBookings(tourId: string): Promise<boolean> {
    return this.bookings.some((b) => b.tourId === tourId && (b.status === 'PENDING' || b.status === 'COMPLETE'));
  }
}
