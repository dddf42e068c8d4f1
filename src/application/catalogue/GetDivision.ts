import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { NotFound } from '../../domain/shared/errors';
import type { DivisionRepository } from '../ports/DivisionRepository';
import type { DivisionView } from './DivisionView';
import type { ImageUrls } from './ImageUrls';

/** One division by slug (what links use) or by id. */
export class GetDivision {
  constructor(private readonly divisions: DivisionRepository, private readonly urls: ImageUrls) {}

  async execute(slugOrId: string): Promise<DivisionView> {
    const division = (await this.divisions.findBySlug(slugOrId)) ?? (await this.divisions.findById(slugOrId));
    if (!division) throw NotFound.of('Division', ERROR_CODES.DIVISION.NOT_FOUND);
    return { division, thumbnailUrl: await this.urls.url(division.thumbnail) };
  }
}
