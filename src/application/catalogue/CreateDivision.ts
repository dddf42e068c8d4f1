import { Division } from '../../domain/catalogue/Division';
import { Slug } from '../../domain/catalogue/Slug';
import type { Clock } from '../ports/Clock';
import type { DivisionRepository } from '../ports/DivisionRepository';
import type { IdGenerator } from '../ports/IdGenerator';
import type { UnitOfWork } from '../ports/UnitOfWork';
import type { IncomingFile } from '../shared/IncomingFile';
import type { DivisionView } from './DivisionView';
import type { ImageUploads } from './ImageUploads';
import type { ImageUrls } from './ImageUrls';
import { retryOnSlugTaken } from './retryOnSlugTaken';

export class CreateDivision {
  constructor(
    private readonly divisions: DivisionRepository,
    private readonly uploads: ImageUploads,
    private readonly urls: ImageUrls,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
  ) {}

  async execute(input: { name: string; description?: string | null }, thumbnail: IncomingFile | null = null): Promise<DivisionView> {
    const base = Slug.fromText(input.name);
    const division = await this.uploads.storeThen(thumbnail ? [thumbnail] : [], 'divisions', 'file', ([key]) => retryOnSlugTaken(() =>
      this.uow.run(async () => {
        const slug = base.unique(await this.divisions.slugsLike(base.value));
        const created = Division.create({ id: this.ids.next(), name: input.name, slug, description: input.description, thumbnail: key, now: this.clock.now() });
        await this.divisions.save(created);
        return created;
      }),
    ));
    return { division, thumbnailUrl: await this.urls.url(division.thumbnail) };
  }
}
