import { randomUUID } from 'node:crypto';
import { Booking } from '../../src/domain/booking/Booking';
import { Payment } from '../../src/domain/payment/Payment';
import { Money } from '../../src/domain/shared/Money';

export const HOLD_MS = 30 * 60_000;

/** Bookings (and their payments) for repository tests: ids fit the 36-character columns. */
export const BookingMother = {
  /** A PENDING booking holding `guestCount` seats of `tourId` for HOLD_MS from `now`. */
  held(input: { tourId: string; userId?: string; guestCount?: number; unitPrice?: Money; now: Date; holdMs?: number }): Booking {
    return Booking.hold({
      id: randomUUID(), userId: input.userId ?? randomUUID(), tourId: input.tourId, guestCount: input.guestCount ?? 1,
      unitPrice: input.unitPrice ?? Money.ofMinor(1_250_000, 'BDT'), now: input.now, holdMs: input.holdMs ?? HOLD_MS,
    });
  },

  /** The UNPAID payment opened with `booking`. */
  paymentFor(booking: Booking, now: Date): Payment {
    const id = randomUUID();
    return Payment.open({ id, bookingId: booking.id, transactionId: `TRX-${id}`, amount: booking.amount, gateway: 'sandbox', now });
  },
};
