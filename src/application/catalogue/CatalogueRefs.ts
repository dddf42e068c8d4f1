import { ValidationFailed } from '../../domain/shared/errors';
import type { DivisionRepository } from '../ports/DivisionRepository';
import type { TourTypeRepository } from '../ports/TourTypeRepository';

/** Checks that the division and tour type a tour names exist; a 400 naming the field otherwise. */
export async function assertCatalogueRefs(
  divisions: DivisionRepository,
  tourTypes: TourTypeRepository,
  refs: { division?: string; tourType?: string },
): Promise<void> {
  if (refs.division !== undefined && !(await divisions.findById(refs.division))) throw ValidationFailed.field('division', 'no such division');
  if (refs.tourType !== undefined && !(await tourTypes.findById(refs.tourType))) throw ValidationFailed.field('tourType', 'no such tour type');
}
