import { In } from 'typeorm';
import type { TourTypeRepository } from '../../../application/ports/TourTypeRepository';
import type { ListQuery, Page } from '../../../application/shared/ListQuery';
import { TourType } from '../../../domain/catalogue/TourType';
import { ERROR_CODES } from '../../../domain/shared/errorCatalogue';
import { Conflict } from '../../../domain/shared/errors';
import type { Database } from '../Database';
import { catalogueChanged } from '../dataVersions';
import { isUniqueViolation } from '../Database';
import type { TourTypeRow } from '../entities/TourTypeEntity';
import { TourTypeEntity } from '../entities/TourTypeEntity';
import { applyListQuery } from '../listQuery';

const LIST_COLUMNS = {
  columns: { id: 'tt.id', name: 'tt.name', createdAt: 'tt.createdAt', updatedAt: 'tt.updatedAt' },
  searchable: ['name'],
};

export class TypeOrmTourTypeRepository implements TourTypeRepository {
  constructor(private readonly db: Database) {}

  private get repo() {
    return this.db.manager().getRepository(TourTypeEntity);
  }

  async findById(id: string): Promise<TourType | null> {
    const row = await this.repo.findOneBy({ id });
    return row ? TourType.restore(row) : null;
  }

  async findByName(name: string): Promise<TourType | null> {
    const row = await this.repo.findOneBy({ name: name.trim() });
    return row ? TourType.restore(row) : null;
  }

  async findByIds(ids: string[]): Promise<TourType[]> {
    if (!ids.length) return [];
    return (await this.repo.findBy({ id: In(ids) })).map((row) => TourType.restore(row));
  }

  async save(tourType: TourType): Promise<void> {
    try {
      await this.repo.save(tourType.toProps() satisfies TourTypeRow);
      await catalogueChanged(this.db);
    } catch (error) {
      if (isUniqueViolation(error)) throw new Conflict('A tour type with this name already exists', ERROR_CODES.TOUR_TYPE.ALREADY_EXISTS);
      throw error;
    }
  }

  async delete(id: string): Promise<void> {
    await this.repo.delete({ id });
    await catalogueChanged(this.db);
  }

  async list(query: ListQuery): Promise<Page<TourType>> {
    const [rows, total] = await applyListQuery(this.repo.createQueryBuilder('tt'), query, LIST_COLUMNS).getManyAndCount();
    return { items: rows.map((r) => TourType.restore(r)), total, page: query.page, limit: query.limit };
  }
}
