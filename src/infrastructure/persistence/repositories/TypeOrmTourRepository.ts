import type { TourRepository } from '../../../application/ports/TourRepository';
import type { ListQuery, Page } from '../../../application/shared/ListQuery';
import { Slug } from '../../../domain/catalogue/Slug';
import { SlugTaken } from '../../../domain/catalogue/SlugTaken';
import { Tour } from '../../../domain/catalogue/Tour';
import { Money } from '../../../domain/shared/Money';
import { ERROR_CODES } from '../../../domain/shared/errorCatalogue';
import { Conflict } from '../../../domain/shared/errors';
import type { Database } from '../Database';
import { catalogueChanged } from '../dataVersions';
import { isUniqueViolation, isUniqueViolationOn } from '../Database';
import type { TourRow } from '../entities/TourEntity';
import { TourEntity } from '../entities/TourEntity';
import { parseJsonArray } from '../rowValues';
import { applyListQuery } from '../listQuery';
import type { ListColumns } from '../listSql';
import { slugsLike } from './slugs';

/** How tour lists filter, search and sort: shared with the read model (`SqlCatalogueReads`). */
export const TOUR_LIST_COLUMNS: ListColumns = {
  columns: {
    id: 't.id', title: 't.title', slug: 't.slug', description: 't.description', location: 't.location',
    costFrom: 't.costFrom', currency: 't.currency', startDate: 't.startDate', endDate: 't.endDate', maxGuest: 't.maxGuest',
    division: 't.divisionId', tourType: 't.tourTypeId', createdAt: 't.createdAt', updatedAt: 't.updatedAt',
  },
  searchable: ['title', 'description', 'location'],
};

export class TypeOrmTourRepository implements TourRepository {
  constructor(private readonly db: Database) {}

  private get repo() {
    return this.db.manager().getRepository(TourEntity);
  }

  async findById(id: string, options: { forUpdate?: boolean } = {}): Promise<Tour | null> {
    return toDomain(await this.db.locking(this.repo.createQueryBuilder('t').where('t.id = :id', { id }), options).getOne());
  }

  async findBySlug(slug: string): Promise<Tour | null> {
    return toDomain(await this.repo.findOneBy({ slug }));
  }

  slugsLike(base: string): Promise<string[]> {
    return slugsLike(this.repo, 't', base);
  }

  async countReferencing(ref: { divisionId?: string; tourTypeId?: string }): Promise<number> {
    const where = { ...(ref.divisionId ? { divisionId: ref.divisionId } : {}), ...(ref.tourTypeId ? { tourTypeId: ref.tourTypeId } : {}) };
    return Object.keys(where).length ? this.repo.countBy(where) : 0;
  }

  async save(tour: Tour): Promise<void> {
    try {
      await this.repo.save(toRow(tour));
      await catalogueChanged(this.db, tour.id);
    } catch (error) {
      if (isUniqueViolationOn(error, 'tours', 'slug')) throw new SlugTaken('A tour with this slug already exists', ERROR_CODES.TOUR.ALREADY_EXISTS);
      if (isUniqueViolation(error)) throw new Conflict('A tour with this id already exists', ERROR_CODES.TOUR.ALREADY_EXISTS);
      throw error;
    }
  }

  async delete(id: string): Promise<void> {
    await this.repo.delete({ id });
    await catalogueChanged(this.db, id);
  }

  async list(query: ListQuery): Promise<Page<Tour>> {
    const [rows, total] = await applyListQuery(this.repo.createQueryBuilder('t'), query, TOUR_LIST_COLUMNS).getManyAndCount();
    return { items: rows.map((r) => toDomain(r)!), total, page: query.page, limit: query.limit };
  }
}

const json = (value: string[]): string => JSON.stringify(value);

function toRow(tour: Tour): TourRow {
  const p = tour.toProps();
  return {
    id: p.id, title: p.title, slug: p.slug.value, description: p.description, location: p.location,
    costFrom: p.costFrom.minor, currency: p.costFrom.currency, startDate: p.startDate, endDate: p.endDate,
    departureLocation: p.departureLocation, arrivalLocation: p.arrivalLocation,
    included: json(p.included), excluded: json(p.excluded), amenities: json(p.amenities), tourPlan: json(p.tourPlan), images: json(p.images),
    maxGuest: p.maxGuest, minAge: p.minAge, divisionId: p.divisionId, tourTypeId: p.tourTypeId, createdAt: p.createdAt, updatedAt: p.updatedAt,
  };
}

function toDomain(row: TourRow | null): Tour | null {
  if (!row) return null;
  const { currency, ...rest } = row;
  return Tour.restore({
    ...rest,
    slug: Slug.restore(row.slug),
    costFrom: Money.ofMinor(Number(row.costFrom), currency),
    included: parseJsonArray(row.included), excluded: parseJsonArray(row.excluded), amenities: parseJsonArray(row.amenities), tourPlan: parseJsonArray(row.tourPlan), images: parseJsonArray(row.images),
    maxGuest: Number(row.maxGuest),
    minAge: row.minAge === null ? null : Number(row.minAge),
  });
}
