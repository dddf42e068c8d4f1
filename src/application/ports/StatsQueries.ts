/** One row of a breakdown: how many records share `key` (a status, a role, an id). */
export interface CountByKey {
  key: string;
  count: number;
  /** The display name behind an id key (tour type, division), when there is one. */
  name?: string | null;
}

export interface TourBookingCount {
  tourId: string;
  title: string;
  slug: string;
  bookingCount: number;
}

/** Time windows are chosen by the caller (from the Clock), so every answer is as of the request. */
export interface StatsWindows {
  last7Days: Date;
  last30Days: Date;
}

export interface UserFigures {
  byStatus: CountByKey[];
  byRole: CountByKey[];
  createdInLast7Days: number;
  createdInLast30Days: number;
}

export interface TourFigures {
  total: number;
  byTourType: CountByKey[];
  byDivision: CountByKey[];
  /** Mean `costFrom` in minor units over tours priced in `currency`; null without such tours. */
  averageCostMinor: number | null;
  mostBooked: TourBookingCount[];
}

export interface BookingFigures {
  byStatus: CountByKey[];
  perTour: TourBookingCount[];
  averageGuestCount: number | null;
  createdInLast7Days: number;
  createdInLast30Days: number;
  distinctUsers: number;
}

export interface PaymentFigures {
  byStatus: CountByKey[];
  byGateway: CountByKey[];
  /** Sum and mean of PAID payments in `currency`, minor units. */
  revenueMinor: number;
  averagePaidMinor: number | null;
  invoicesIssued: number;
  /** COMPLETED refunds, and what they gave back in `currency` (minor units). */
  refundsCompleted: number;
  refundedMinor: number;
}

/** Aggregates computed by the database (counts, sums, averages), never by loading rows. Soft-deleted users are left out. */
export interface StatsQueries {
  userFigures(windows: StatsWindows): Promise<UserFigures>;
  tourFigures(input: { currency: string; mostBookedLimit: number }): Promise<TourFigures>;
  bookingFigures(windows: StatsWindows): Promise<BookingFigures>;
  paymentFigures(input: { currency: string }): Promise<PaymentFigures>;
}
