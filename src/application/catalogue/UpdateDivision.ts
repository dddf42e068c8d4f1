import { Slug } from '../../domain/catalogue/Slug';
import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { NotFound } from '../../domain/shared/errors';
import type { Clock } from '../ports/Clock';
import type { DivisionRepository } from '../ports/DivisionRepository';
import type { UnitOfWork } from '../ports/UnitOfWork';
import type { IncomingFile } from '../shared/IncomingFile';
import type { DivisionView } from './DivisionView';
import type { ImageUploads } from './ImageUploads';
import type { ImageUrls } from './ImageUrls';

export interface DivisionChanges {
  name?: string;
  description?: string | null;
  /** Derive a new slug from the (new) name; otherwise the slug never changes. */
  regenerateSlug?: boolean;
}

export class UpdateDivision {
  constructor(
    private readonly divisions: DivisionRepository,
    private readonly uploads: ImageUploads,
    private readonly urls: ImageUrls,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
  ) {}

  async execute(id: string, changes: DivisionChanges, thumbnail: IncomingFile | null = null): Promise<DivisionView> {
    const { division, replaced } = await this.uploads.storeThen(thumbnail ? [thumbnail] : [], 'divisions', 'file', ([key]) =>
      this.uow.run(async () => {
        const found = await this.divisions.findById(id);
        if (!found) throw NotFound.of('Division', ERROR_CODES.DIVISION.NOT_FOUND);
        const now = this.clock.now();
        let slug: Slug | undefined;
        if (changes.regenerateSlug) {
          const base = Slug.fromText(changes.name ?? found.name);
          slug = base.unique((await this.divisions.slugsLike(base.value)).filter((s) => s !== found.slug.value));
        }
        found.edit({ name: changes.name, description: changes.description, slug }, now);
        const old = key ? found.replaceThumbnail(key, now) : null;
        await this.divisions.save(found);
        return { division: found, replaced: old };
      }),
    );
    await this.uploads.discard([replaced]);
    return { division, thumbnailUrl: await this.urls.url(division.thumbnail) };
  }
}
