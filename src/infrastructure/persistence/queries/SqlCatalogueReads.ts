import type { CatalogueReads, TourListing } from '../../../application/ports/CatalogueReads';
import type { ListQuery, Page } from '../../../application/shared/ListQuery';
import { seatsLeft } from '../../../domain/booking/SeatPolicy';
import type { Database } from '../Database';
import type { ListColumns, SqlValue } from '../listSql';
import { listSql } from '../listSql';
import { PreparedReads } from '../PreparedReads';
import { HOLDS_SEATS } from '../repositories/seatHolds';
import { TOUR_LIST_COLUMNS } from '../repositories/TypeOrmTourRepository';
import { parseJsonArray, toDate } from '../rowValues';

/** Seats held are summed in the same statement, per tour of the page. */
const SELECT = `SELECT t.id, t.title, t.slug, t.description, t.location, t.costFrom, t.currency, t.startDate, t.endDate,
  t.departureLocation, t.arrivalLocation, t.included, t.excluded, t.amenities, t.tourPlan, t.images, t.maxGuest, t.minAge,
  t.divisionId, d.name AS divisionName, t.tourTypeId, tt.name AS tourTypeName, t.createdAt, t.updatedAt,
  (SELECT COALESCE(SUM(b.guestCount), 0) FROM bookings b WHERE b.tourId = t.id AND ${HOLDS_SEATS}) AS seatsHeld`;
const FROM = 'FROM tours t LEFT JOIN divisions d ON d.id = t.divisionId LEFT JOIN tour_types tt ON tt.id = t.tourTypeId';

interface ListingRow {
  id: string; title: string; slug: string; description: string | null; location: string | null;
  costFrom: number | string; currency: string; startDate: unknown; endDate: unknown;
  departureLocation: string | null; arrivalLocation: string | null;
  included: string | null; excluded: string | null; amenities: string | null; tourPlan: string | null; images: string | null;
  maxGuest: number | string; minAge: number | string | null; divisionId: string; divisionName: string | null;
  tourTypeId: string; tourTypeName: string | null; createdAt: unknown; updatedAt: unknown; seatsHeld: number | string;
  total?: number | string;
}

/** The catalogue read model in plain prepared SQL: one statement per page, mapped straight to listings. */
export class SqlCatalogueReads implements CatalogueReads {
  private readonly reads: PreparedReads;

  constructor(private readonly db: Database, private readonly columns: ListColumns = TOUR_LIST_COLUMNS) {
    this.reads = new PreparedReads(db);
  }

  async listTours(query: ListQuery, now: Date): Promise<Page<TourListing>> {
    const sql = listSql(query, this.columns, this.db.dialect);
    const where = sql.conditions.length ? `WHERE ${sql.conditions.join(' AND ')}` : '';
    const order = `ORDER BY ${sql.orderBy.map((k) => `${k.expression} ${k.direction}`).join(', ')}`;
    // Offset and limit are validated integers, written in: MySQL refuses them as prepared parameters.
    const page = `LIMIT ${Math.trunc(sql.limit)} OFFSET ${Math.trunc(sql.offset)}`;
    const rows = await this.reads.all<ListingRow>(`${SELECT}, COUNT(*) OVER () AS total ${FROM} ${where} ${order} ${page}`, { ...sql.params, now });
    // A page past the end has no row to carry the count.
    const total = rows.length ? Number(rows[0].total) : sql.offset ? await this.count(where, sql.params) : 0;
    return { items: rows.map(toListing), total, page: query.page, limit: query.limit };
  }

  async findTour(slugOrId: string, now: Date): Promise<TourListing | null> {
    const [row] = await this.reads.all<ListingRow>(
      `${SELECT} ${FROM} WHERE t.slug = :key OR t.id = :key ORDER BY CASE WHEN t.slug = :key THEN 0 ELSE 1 END LIMIT 1`,
      { key: slugOrId, now },
    );
    return row ? toListing(row) : null;
  }

  private async count(where: string, params: Record<string, SqlValue>): Promise<number> {
    const [row] = await this.reads.all<{ total: number | string }>(`SELECT COUNT(*) AS total ${FROM} ${where}`, params);
    return Number(row.total);
  }
}

function toListing(row: ListingRow): TourListing {
  const maxGuest = Number(row.maxGuest);
  return {
    id: row.id, title: row.title, slug: row.slug, description: row.description, location: row.location,
    costFrom: Number(row.costFrom), currency: row.currency, startDate: toDate(row.startDate), endDate: toDate(row.endDate),
    departureLocation: row.departureLocation, arrivalLocation: row.arrivalLocation,
    included: parseJsonArray(row.included), excluded: parseJsonArray(row.excluded), amenities: parseJsonArray(row.amenities),
    tourPlan: parseJsonArray(row.tourPlan), images: parseJsonArray(row.images),
    maxGuest, minAge: row.minAge === null ? null : Number(row.minAge),
    divisionId: row.divisionId, divisionName: row.divisionName, tourTypeId: row.tourTypeId, tourTypeName: row.tourTypeName,
    seatsLeft: seatsLeft(maxGuest, Number(row.seatsHeld)),
    createdAt: toDate(row.createdAt)!, updatedAt: toDate(row.updatedAt)!,
  };
}
