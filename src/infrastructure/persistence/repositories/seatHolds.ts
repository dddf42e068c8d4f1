/**
 * Bookings (alias `b`) holding seats at `:now`: COMPLETE ones and PENDING ones whose hold has not
 * lapsed. The one definition behind both counts: `TypeOrmBookingRepository.seatsHeld` (the locking
 * read every write decides on) and `TypeOrmSeatLedger` (what views show).
 */
export const HOLDS_SEATS = "(b.status = 'COMPLETE' OR (b.status = 'PENDING' AND b.expiresAt > :now))";
