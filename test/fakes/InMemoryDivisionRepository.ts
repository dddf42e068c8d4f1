import type { DivisionRepository } from '../../src/application/ports/DivisionRepository';
import type { ListQuery, Page } from '../../src/application/shared/ListQuery';
import type { DivisionProps } from '../../src/domain/catalogue/Division';
import { Division } from '../../src/domain/catalogue/Division';
import { SlugTaken } from '../../src/domain/catalogue/SlugTaken';
import { Conflict } from '../../src/domain/shared/errors';
import { TransactionalTable } from './TransactionalTable';
import { listInMemory } from './inMemoryList';

const FIELDS = {
  id: (p: DivisionProps) => p.id,
  name: (p: DivisionProps) => p.name,
  slug: (p: DivisionProps) => p.slug.value,
  description: (p: DivisionProps) => p.description,
  createdAt: (p: DivisionProps) => p.createdAt.getTime(),
  updatedAt: (p: DivisionProps) => p.updatedAt.getTime(),
};

export class InMemoryDivisionRepository implements DivisionRepository {
  private readonly rows = new TransactionalTable<DivisionProps>();

  async findById(id: string): Promise<Division | null> {
    const row = this.rows.get(id);
    return row ? Division.restore(row) : null;
  }

  async findBySlug(slug: string): Promise<Division | null> {
    const row = this.rows.values().find((p) => p.slug.value === slug);
    return row ? Division.restore(row) : null;
  }

  async findByIds(ids: string[]): Promise<Division[]> {
    return ids.flatMap((id) => (this.rows.has(id) ? [Division.restore(this.rows.get(id)!)] : []));
  }

  async slugsLike(base: string): Promise<string[]> {
    const shape = new RegExp(`^${base}(-\\d+)?$`);
    return this.rows.values().map((p) => p.slug.value).filter((s) => shape.test(s));
  }

  async save(division: Division): Promise<void> {
    const props = division.toProps();
    const clash = await this.rows.setUnique(props.id, props, (p) => p.name === props.name || p.slug.value === props.slug.value);
    if (clash?.name === props.name) throw new Conflict('A division with this name already exists', 'DIVISION.ALREADY_EXISTS');
    if (clash) throw new SlugTaken('A division with this slug already exists', 'DIVISION.ALREADY_EXISTS');
  }

  async delete(id: string): Promise<void> {
    await this.rows.delete(id);
  }

  async list(query: ListQuery): Promise<Page<Division>> {
    const page = listInMemory(this.rows.values(), query, FIELDS, ['name', 'description']);
    return { ...page, items: page.items.map((p) => Division.restore(p)) };
  }
}
