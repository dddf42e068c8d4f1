import { In } from 'typeorm';
import type { DivisionRepository } from '../../../application/ports/DivisionRepository';
import type { ListQuery, Page } from '../../../application/shared/ListQuery';
import { Division } from '../../../domain/catalogue/Division';
import { Slug } from '../../../domain/catalogue/Slug';
import { SlugTaken } from '../../../domain/catalogue/SlugTaken';
import { ERROR_CODES } from '../../../domain/shared/errorCatalogue';
import { Conflict } from '../../../domain/shared/errors';
import type { Database } from '../Database';
import { catalogueChanged } from '../dataVersions';
import { isUniqueViolation, isUniqueViolationOn } from '../Database';
import type { DivisionRow } from '../entities/DivisionEntity';
import { DivisionEntity } from '../entities/DivisionEntity';
import { applyListQuery } from '../listQuery';
import { slugsLike } from './slugs';

const LIST_COLUMNS = {
  columns: { id: 'd.id', name: 'd.name', slug: 'd.slug', description: 'd.description', createdAt: 'd.createdAt', updatedAt: 'd.updatedAt' },
  searchable: ['name', 'description'],
};

export class TypeOrmDivisionRepository implements DivisionRepository {
  constructor(private readonly db: Database) {}

  private get repo() {
    return this.db.manager().getRepository(DivisionEntity);
  }

  async findById(id: string): Promise<Division | null> {
    return toDomain(await this.repo.findOneBy({ id }));
  }

  async findBySlug(slug: string): Promise<Division | null> {
    return toDomain(await this.repo.findOneBy({ slug }));
  }

  async findByIds(ids: string[]): Promise<Division[]> {
    if (!ids.length) return [];
    return (await this.repo.findBy({ id: In(ids) })).map((row) => toDomain(row)!);
  }

  slugsLike(base: string): Promise<string[]> {
    return slugsLike(this.repo, 'd', base);
  }

  async save(division: Division): Promise<void> {
    try {
      await this.repo.save(toRow(division));
      await catalogueChanged(this.db);
    } catch (error) {
      if (isUniqueViolationOn(error, 'divisions', 'slug')) throw new SlugTaken('A division with this slug already exists', ERROR_CODES.DIVISION.ALREADY_EXISTS);
      if (isUniqueViolation(error)) throw new Conflict('A division with this name already exists', ERROR_CODES.DIVISION.ALREADY_EXISTS);
      throw error;
    }
  }

  async delete(id: string): Promise<void> {
    await this.repo.delete({ id });
    await catalogueChanged(this.db);
  }

  async list(query: ListQuery): Promise<Page<Division>> {
    const [rows, total] = await applyListQuery(this.repo.createQueryBuilder('d'), query, LIST_COLUMNS).getManyAndCount();
    return { items: rows.map((r) => toDomain(r)!), total, page: query.page, limit: query.limit };
  }
}

function toRow(division: Division): DivisionRow {
  const p = division.toProps();
  return { ...p, slug: p.slug.value };
}

function toDomain(row: DivisionRow | null): Division | null {
  return row ? Division.restore({ ...row, slug: Slug.restore(row.slug) }) : null;
}
