import type { TourRepository } from '../../src/application/ports/TourRepository';
import type { ListQuery, Page } from '../../src/application/shared/ListQuery';
import type { TourProps } from '../../src/domain/catalogue/Tour';
import { Tour } from '../../src/domain/catalogue/Tour';
import { SlugTaken } from '../../src/domain/catalogue/SlugTaken';
import { TransactionalTable } from './TransactionalTable';
import { listInMemory } from './inMemoryList';

const time = (d: Date | null) => (d ? d.getTime() : null);
const FIELDS = {
  id: (p: TourProps) => p.id,
  title: (p: TourProps) => p.title,
  slug: (p: TourProps) => p.slug.value,
  description: (p: TourProps) => p.description,
  location: (p: TourProps) => p.location,
  costFrom: (p: TourProps) => p.costFrom.minor,
  currency: (p: TourProps) => p.costFrom.currency,
  startDate: (p: TourProps) => time(p.startDate),
  endDate: (p: TourProps) => time(p.endDate),
  maxGuest: (p: TourProps) => p.maxGuest,
  division: (p: TourProps) => p.divisionId,
  tourType: (p: TourProps) => p.tourTypeId,
  createdAt: (p: TourProps) => p.createdAt.getTime(),
  updatedAt: (p: TourProps) => p.updatedAt.getTime(),
};

export class InMemoryTourRepository implements TourRepository {
  private readonly rows = new TransactionalTable<TourProps>();

  async findById(id: string, options: { forUpdate?: boolean } = {}): Promise<Tour | null> {
    const row = options.forUpdate ? await this.rows.lock(id) : this.rows.get(id);
    return row ? Tour.restore(row) : null;
  }

  async findBySlug(slug: string): Promise<Tour | null> {
    const row = this.rows.values().find((p) => p.slug.value === slug);
    return row ? Tour.restore(row) : null;
  }

  async slugsLike(base: string): Promise<string[]> {
    const shape = new RegExp(`^${base}(-\\d+)?$`);
    return this.rows.values().map((p) => p.slug.value).filter((s) => shape.test(s));
  }

  async countReferencing(ref: { divisionId?: string; tourTypeId?: string }): Promise<number> {
    if (!ref.divisionId && !ref.tourTypeId) return 0;
    return this.rows.values().filter(
      (p) => (!ref.divisionId || p.divisionId === ref.divisionId) && (!ref.tourTypeId || p.tourTypeId === ref.tourTypeId),
    ).length;
  }

  async save(tour: Tour): Promise<void> {
    const props = tour.toProps();
    if (await this.rows.setUnique(props.id, props, (p) => p.slug.value === props.slug.value)) {
      throw new SlugTaken('A tour with this slug already exists', 'TOUR.ALREADY_EXISTS');
    }
  }

  async delete(id: string): Promise<void> {
    await this.rows.delete(id);
  }

  async list(query: ListQuery): Promise<Page<Tour>> {
    const page = listInMemory(this.rows.values(), query, FIELDS, ['title', 'description', 'location']);
    return { ...page, items: page.items.map((p) => Tour.restore(p)) };
  }
}
