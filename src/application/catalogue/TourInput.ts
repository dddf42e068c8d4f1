/** A tour as admins send it; amounts in major units (`costFrom: 12500` is 12,500.00). */
export interface TourInput {
  title: string;
  description?: string | null;
  location?: string | null;
  costFrom: number;
  currency?: string;
  startDate?: Date | null;
  endDate?: Date | null;
  departureLocation?: string | null;
  arrivalLocation?: string | null;
  included?: string[];
  excluded?: string[];
  amenities?: string[];
  tourPlan?: string[];
  maxGuest: number;
  minAge?: number | null;
  /** Division id. */
  division: string;
  /** Tour type id. */
  tourType: string;
}
