import type { DivisionRepository } from '../ports/DivisionRepository';
import type { ListQuery, Page} from '../shared/ListQuery';
import { mapPage } from '../shared/ListQuery';
import type { DivisionView } from './DivisionView';
import type { ImageUrls } from './ImageUrls';

export class ListDivisions {
  constructor(private readonly divisions: DivisionRepository, private readonly urls: ImageUrls) {}

  async execute(query: ListQuery): Promise<Page<DivisionView>> {
    const page = await this.divisions.list(query);
    const urls = await this.urls.urls(page.items.map((d) => d.thumbnail));
    return mapPage(page, (division) => ({ division, thumbnailUrl: division.thumbnail ? (urls.get(division.thumbnail) ?? null) : null }));
  }
}
