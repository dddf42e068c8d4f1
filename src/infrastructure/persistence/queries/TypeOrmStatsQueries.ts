import type { SelectQueryBuilder } from 'typeorm';
import type {
  BookingFigures, CountByKey, PaymentFigures, StatsQueries, StatsWindows, TourBookingCount, TourFigures, UserFigures,
} from '../../../application/ports/StatsQueries';
import type { Database } from '../Database';

type Raw = Record<string, unknown>;

/** mysql2 answers COUNT as a number but SUM/AVG as DECIMAL strings; SQLite answers numbers. */
const num = (value: unknown): number => Number(value ?? 0);
const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/**
 * Statistics as aggregate SQL (COUNT, SUM, AVG, GROUP BY) that reads the same on MySQL/MariaDB
 * and SQLite; only the aggregated rows leave the database. Ties are ordered by key so answers are stable.
 */
export class TypeOrmStatsQueries implements StatsQueries {
  constructor(private readonly db: Database) {}

  private from(table: string, alias: string): SelectQueryBuilder<Raw> {
    return this.db.manager().createQueryBuilder().from(table, alias) as SelectQueryBuilder<Raw>;
  }

  private async countBy(qb: SelectQueryBuilder<Raw>, column: string, nameColumn?: string): Promise<CountByKey[]> {
    qb.select(column, 'k').addSelect('COUNT(*)', 'n').groupBy(column).orderBy('n', 'DESC').addOrderBy(column, 'ASC');
    if (nameColumn) qb.addSelect(nameColumn, 'name').addGroupBy(nameColumn);
    const rows = await qb.getRawMany<Raw>();
    return rows.map((r) => ({ key: String(r.k), count: num(r.n), ...(nameColumn ? { name: r.name === null ? null : String(r.name) } : {}) }));
  }

  private async count(qb: SelectQueryBuilder<Raw>, expression = 'COUNT(*)'): Promise<number> {
    return num((await qb.select(expression, 'n').getRawOne<Raw>())?.n);
  }

  private async bookingsPerTour(limit?: number): Promise<TourBookingCount[]> {
    const qb = this.from('bookings', 'b')
      .innerJoin('tours', 't', 't.id = b.tourId')
      .select('b.tourId', 'tourId').addSelect('t.title', 'title').addSelect('t.slug', 'slug').addSelect('COUNT(*)', 'n')
      .groupBy('b.tourId').addGroupBy('t.title').addGroupBy('t.slug')
      .orderBy('n', 'DESC').addOrderBy('t.title', 'ASC');
    if (limit !== undefined) qb.limit(limit);
    const rows = await qb.getRawMany<Raw>();
    return rows.map((r) => ({ tourId: String(r.tourId), title: String(r.title), slug: String(r.slug), bookingCount: num(r.n) }));
  }

  async userFigures(windows: StatsWindows): Promise<UserFigures> {
    const users = () => this.from('users', 'u').where('u.isDeleted = 0');
    const [byStatus, byRole, createdInLast7Days, createdInLast30Days] = await Promise.all([
      this.countBy(users(), 'u.status'),
      this.countBy(users(), 'u.role'),
      this.count(users().andWhere('u.createdAt >= :since', { since: windows.last7Days })),
      this.count(users().andWhere('u.createdAt >= :since', { since: windows.last30Days })),
    ]);
    return { byStatus, byRole, createdInLast7Days, createdInLast30Days };
  }

  async tourFigures(input: { currency: string; mostBookedLimit: number }): Promise<TourFigures> {
    const [total, byTourType, byDivision, average, mostBooked] = await Promise.all([
      this.count(this.from('tours', 't')),
      this.countBy(this.from('tours', 't').leftJoin('tour_types', 'tt', 'tt.id = t.tourTypeId'), 't.tourTypeId', 'tt.name'),
      this.countBy(this.from('tours', 't').leftJoin('divisions', 'd', 'd.id = t.divisionId'), 't.divisionId', 'd.name'),
      this.from('tours', 't').select('AVG(t.costFrom)', 'avg').where('t.currency = :currency', { currency: input.currency }).getRawOne<Raw>(),
      this.bookingsPerTour(input.mostBookedLimit),
    ]);
    return { total, byTourType, byDivision, averageCostMinor: numOrNull(average?.avg), mostBooked };
  }

  async bookingFigures(windows: StatsWindows): Promise<BookingFigures> {
    const [byStatus, perTour, average, createdInLast7Days, createdInLast30Days, distinctUsers] = await Promise.all([
      this.countBy(this.from('bookings', 'b'), 'b.status'),
      this.bookingsPerTour(),
      this.from('bookings', 'b').select('AVG(b.guestCount)', 'avg').getRawOne<Raw>(),
      this.count(this.from('bookings', 'b').where('b.createdAt >= :since', { since: windows.last7Days })),
      this.count(this.from('bookings', 'b').where('b.createdAt >= :since', { since: windows.last30Days })),
      this.count(this.from('bookings', 'b'), 'COUNT(DISTINCT b.userId)'),
    ]);
    return { byStatus, perTour, averageGuestCount: numOrNull(average?.avg), createdInLast7Days, createdInLast30Days, distinctUsers };
  }

  async paymentFigures(input: { currency: string }): Promise<PaymentFigures> {
    const [byStatus, byGateway, paid, invoicesIssued, refunded] = await Promise.all([
      this.countBy(this.from('payments', 'p'), 'p.status'),
      this.countBy(this.from('payments', 'p'), 'p.gateway'),
      this.from('payments', 'p')
        .select('SUM(p.amount)', 'sum').addSelect('AVG(p.amount)', 'avg')
        .where("p.status = 'PAID'").andWhere('p.currency = :currency', { currency: input.currency })
        .getRawOne<Raw>(),
      this.count(this.from('invoices', 'i').where("i.status = 'ISSUED'")),
      this.from('refunds', 'r')
        .select('COUNT(*)', 'count').addSelect('SUM(r.amount)', 'sum')
        .where("r.state = 'COMPLETED'").andWhere('r.currency = :currency', { currency: input.currency })
        .getRawOne<Raw>(),
    ]);
    return {
      byStatus, byGateway, revenueMinor: num(paid?.sum), averagePaidMinor: numOrNull(paid?.avg), invoicesIssued,
      refundsCompleted: num(refunded?.count), refundedMinor: num(refunded?.sum),
    };
  }
}
