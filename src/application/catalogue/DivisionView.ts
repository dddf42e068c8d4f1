import type { Division } from '../../domain/catalogue/Division';

/** A division with its thumbnail as a download URL, ready to present. */
export interface DivisionView {
  division: Division;
  thumbnailUrl: string | null;
}
