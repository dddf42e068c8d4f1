/** What bookings hold against tours' capacity, read from the bookings themselves. */
export interface SeatLedger {
  /**
   * Guests held per tour: COMPLETE bookings plus PENDING ones whose hold has not lapsed at
   * `now`. Tours without such bookings are absent from the map (0).
   */
  seatsHeld(tourIds: string[], now: Date): Promise<Map<string, number>>;
  /** Whether the tour has PENDING or COMPLETE bookings (then it cannot be deleted). */
  hasLiveBookings(tourId: string): Promise<boolean>;
}
