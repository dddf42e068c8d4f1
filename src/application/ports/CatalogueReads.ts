import type { ListQuery, Page } from '../shared/ListQuery';

/**
 * A tour as travellers read it: its own fields, the names of its division and tour type, and the
 * seats left at the moment asked. Image keys are not yet URLs (signing is the caller's).
 */
export interface TourListing {
  id: string;
  title: string;
  slug: string;
  description: string | null;
  location: string | null;
  /** Integer minor units of `currency`. */
  costFrom: number;
  currency: string;
  startDate: Date | null;
  endDate: Date | null;
  departureLocation: string | null;
  arrivalLocation: string | null;
  included: string[];
  excluded: string[];
  amenities: string[];
  tourPlan: string[];
  images: string[];
  maxGuest: number;
  minAge: number | null;
  divisionId: string;
  divisionName: string | null;
  tourTypeId: string;
  tourTypeName: string | null;
  seatsLeft: number;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * The catalogue's read model: what the public list and detail pages show, read without building
 * entities. Writes go through the repositories and the domain model; this side only reads.
 */
export interface CatalogueReads {
  /** The same search, filters, ranges, sort (id as tiebreak) and paging as `TourRepository.list`. */
  listTours(query: ListQuery, now: Date): Promise<Page<TourListing>>;
  /** By slug first, else by id; null when neither matches. */
  findTour(slugOrId: string, now: Date): Promise<TourListing | null>;
}
