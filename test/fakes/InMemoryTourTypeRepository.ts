import type { TourTypeRepository } from '../../src/application/ports/TourTypeRepository';
import type { ListQuery, Page } from '../../src/application/shared/ListQuery';
import type { TourTypeProps } from '../../src/domain/catalogue/TourType';
import { TourType } from '../../src/domain/catalogue/TourType';
import { Conflict } from '../../src/domain/shared/errors';
import { TransactionalTable } from './TransactionalTable';
import { listInMemory } from './inMemoryList';

const FIELDS = {
  id: (p: TourTypeProps) => p.id,
  name: (p: TourTypeProps) => p.name,
  createdAt: (p: TourTypeProps) => p.createdAt.getTime(),
  updatedAt: (p: TourTypeProps) => p.updatedAt.getTime(),
};

export class InMemoryTourTypeRepository implements TourTypeRepository {
  private readonly rows = new TransactionalTable<TourTypeProps>();

  async findById(id: string): Promise<TourType | null> {
    const row = this.rows.get(id);
    return row ? TourType.restore(row) : null;
  }

  async findByName(name: string): Promise<TourType | null> {
    const row = this.rows.values().find((p) => p.name.toLowerCase() === name.trim().toLowerCase());
    return row ? TourType.restore(row) : null;
  }

  async findByIds(ids: string[]): Promise<TourType[]> {
    return ids.flatMap((id) => (this.rows.has(id) ? [TourType.restore(this.rows.get(id)!)] : []));
  }

  async save(tourType: TourType): Promise<void> {
    const props = tourType.toProps();
    if (await this.rows.setUnique(props.id, props, (p) => p.name.toLowerCase() === props.name.toLowerCase())) {
      throw new Conflict('A tour type with this name already exists', 'TOUR_TYPE.ALREADY_EXISTS');
    }
  }

  async delete(id: string): Promise<void> {
    await this.rows.delete(id);
  }

  async list(query: ListQuery): Promise<Page<TourType>> {
    const page = listInMemory(this.rows.values(), query, FIELDS, ['name']);
    return { ...page, items: page.items.map((p) => TourType.restore(p)) };
  }
}
