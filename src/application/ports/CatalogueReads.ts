import type { TourDetails } from '../../domain/catalogue/Tour';
import type { ListQuery, Page } from '../shared/ListQuery';

/**
 * A tour as travellers read it: its own fields (money as integer minor units and a currency), the
 * names of its division and tour type, and the seats left at the moment asked. Image keys are not
 * yet URLs (signing is the caller's).
 */
export interface TourListing extends Omit<TourDetails, 'costFrom'> {
  id: string;
  slug: string;
  costFrom: number;
  currency: string;
  images: string[];
  maxGuest: number;
  divisionName: string | null;
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
