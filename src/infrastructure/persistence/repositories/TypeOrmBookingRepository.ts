import type { BookableTour, BookingRepository, BookingView } from '../../../application/ports/BookingRepository';
import type { LockOption } from '../../../application/ports/UnitOfWork';
import type { ListQuery, Page } from '../../../application/shared/ListQuery';
import type { BookingStatus } from '../../../domain/booking/Booking';
import { Booking } from '../../../domain/booking/Booking';
import { Money } from '../../../domain/shared/Money';
import type { Database } from '../Database';
import { catalogueChanged } from '../dataVersions';
import { affectedRows } from '../Database';
import type { BookingRow } from '../entities/BookingEntity';
import { BookingEntity } from '../entities/BookingEntity';
import { applyListQuery } from '../listQuery';
import { parseJsonArray, toDate } from '../rowValues';
import { HOLDS_SEATS } from './seatHolds';

const LIST_COLUMNS = {
  columns: {
    id: 'b.id', status: 'b.status', tour: 'b.tourId', user: 'b.userId', guestCount: 'b.guestCount', amount: 'b.amount',
    expiresAt: 'b.expiresAt', createdAt: 'b.createdAt', updatedAt: 'b.updatedAt',
    tourTitle: '(SELECT t.title FROM tours t WHERE t.id = b.tourId)',
  },
  /** `searchTerm` finds bookings by their tour's title. */
  searchable: ['tourTitle'],
};

export class TypeOrmBookingRepository implements BookingRepository {
  constructor(private readonly db: Database) {}

  private get repo() {
    return this.db.manager().getRepository(BookingEntity);
  }

  async lockTour(tourId: string): Promise<BookableTour | null> {
    const qb = this.db.manager().createQueryBuilder()
      .select(['t.id AS id', 't.title AS title', 't.maxGuest AS maxGuest', 't.startDate AS startDate', 't.costFrom AS costFrom', 't.currency AS currency'])
      .from('tours', 't')
      .where('t.id = :tourId', { tourId });
    const row = await this.db.locking(qb).getRawOne<{ id: string; title: string; maxGuest: number | string; startDate: unknown; costFrom: number | string; currency: string }>();
    if (!row) return null;
    return { id: row.id, title: row.title, capacity: Number(row.maxGuest), startDate: toDate(row.startDate), price: Money.ofMinor(Number(row.costFrom), row.currency) };
  }

  async seatsHeld(tourId: string, now: Date): Promise<number> {
    const qb = this.repo.createQueryBuilder('b')
      .select('b.guestCount', 'guestCount')
      .where('b.tourId = :tourId', { tourId })
      .andWhere(HOLDS_SEATS, { now });
    // A locking read sees the latest committed bookings whatever snapshot the transaction holds.
    const rows = await this.db.locking(qb).getRawMany<{ guestCount: number }>();
    return rows.reduce((sum, r) => sum + Number(r.guestCount), 0);
  }

  async create(booking: Booking): Promise<void> {
    await this.repo.insert(toRow(booking));
    await catalogueChanged(this.db, booking.tourId);
  }

  async findById(id: string, options: LockOption = {}): Promise<Booking | null> {
    const row = await this.db.locking(this.repo.createQueryBuilder('b').where('b.id = :id', { id }), options).getOne();
    return row ? toDomain(row) : null;
  }

  async saveTransition(booking: Booking, expected: BookingStatus): Promise<boolean> {
    const { status, updatedAt } = toRow(booking);
    const result = await this.repo.update({ id: booking.id, status: expected }, { status, updatedAt });
    if (affectedRows(result) !== 1) return false;
    await catalogueChanged(this.db, booking.tourId);
    return true;
  }

  async toursWithLapsedHolds(now: Date): Promise<string[]> {
    const rows = await this.repo.createQueryBuilder('b')
      .select('DISTINCT b.tourId', 'tourId')
      .where("b.status = 'PENDING' AND b.expiresAt <= :now", { now })
      .orderBy('b.tourId')
      .getRawMany<{ tourId: string }>();
    return rows.map((r) => r.tourId);
  }

  async expireLapsed(tourId: string, now: Date): Promise<number> {
    const result = await this.repo.createQueryBuilder()
      .update()
      .set({ status: 'EXPIRED', updatedAt: now })
      .where("tourId = :tourId AND status = 'PENDING' AND expiresAt <= :now", { tourId, now })
      .execute();
    const expired = affectedRows(result);
    if (expired) await catalogueChanged(this.db, tourId);
    return expired;
  }

  async findView(id: string): Promise<BookingView | null> {
    const rows = await this.viewQuery().where('b.id = :id', { id }).getRawMany<BookingViewRow>();
    return rows.length ? toView(rows[0]) : null;
  }

  async listViews(query: ListQuery, scope: { userId?: string } = {}): Promise<Page<BookingView>> {
    const base = this.repo.createQueryBuilder('b');
    if (scope.userId) base.where('b.userId = :scopeUser', { scopeUser: scope.userId });
    const [page, total] = await applyListQuery(base, query, LIST_COLUMNS).getManyAndCount();
    if (!page.length) return { items: [], total, page: query.page, limit: query.limit };
    const rows = await this.viewQuery().where('b.id IN (:...ids)', { ids: page.map((r) => r.id) }).getRawMany<BookingViewRow>();
    const byId = new Map(rows.map((r) => [r.b_id, toView(r)]));
    return { items: page.map((r) => byId.get(r.id)!).filter(Boolean), total, page: query.page, limit: query.limit };
  }

  private viewQuery() {
    return this.db.manager().createQueryBuilder()
      .select([
        'b.id AS b_id', 'b.userId AS b_userId', 'b.tourId AS b_tourId', 'b.guestCount AS b_guestCount', 'b.status AS b_status', 'b.expiresAt AS b_expiresAt',
        'b.amount AS b_amount', 'b.currency AS b_currency', 'b.createdAt AS b_createdAt', 'b.updatedAt AS b_updatedAt',
        't.id AS t_id', 't.title AS t_title', 't.slug AS t_slug', 't.images AS t_images', 't.startDate AS t_startDate',
        'p.id AS p_id', 'p.status AS p_status', 'p.amount AS p_amount', 'p.currency AS p_currency', 'p.transactionId AS p_transactionId', 'p.refundDue AS p_refundDue',
        'u.id AS u_id', 'u.name AS u_name', 'u.email AS u_email', 'i.number AS i_number',
      ])
      .from('bookings', 'b')
      .leftJoin('tours', 't', 't.id = b.tourId')
      .leftJoin('payments', 'p', 'p.bookingId = b.id')
      // one invoice per payment (unique paymentId); a DRAFT's reserved number is not shown until issued
      .leftJoin('invoices', 'i', 'i.paymentId = p.id AND i.status = :issued', { issued: 'ISSUED' })
      .leftJoin('users', 'u', 'u.id = b.userId');
  }
}

function toRow(booking: Booking): BookingRow {
  const { amount, ...rest } = booking.toProps();
  return { ...rest, amount: amount.minor, currency: amount.currency };
}

function toDomain(row: BookingRow): Booking {
  return Booking.restore({
    id: row.id, userId: row.userId, tourId: row.tourId, guestCount: Number(row.guestCount), status: row.status as BookingStatus,
    expiresAt: toDate(row.expiresAt)!, amount: Money.ofMinor(Number(row.amount), row.currency), createdAt: toDate(row.createdAt)!, updatedAt: toDate(row.updatedAt)!,
  });
}

/** One row of `viewQuery`: the booking's columns, and its tour's, payment's, invoice's and user's when joined (else null). */
interface BookingViewRow {
  b_id: string; b_userId: string; b_tourId: string; b_guestCount: number; b_status: string; b_expiresAt: Date;
  b_amount: number; b_currency: string; b_createdAt: Date; b_updatedAt: Date;
  t_id: string | null; t_title: string; t_slug: string; t_images: unknown; t_startDate: unknown;
  p_id: string | null; p_status: string; p_amount: number | string; p_currency: string; p_transactionId: string; p_refundDue: unknown;
  i_number: string | null;
  u_id: string | null; u_name: string; u_email: string;
}

function toView(r: BookingViewRow): BookingView {
  const booking = toDomain({
    id: r.b_id, userId: r.b_userId, tourId: r.b_tourId, guestCount: r.b_guestCount, status: r.b_status, expiresAt: r.b_expiresAt,
    amount: r.b_amount, currency: r.b_currency, createdAt: r.b_createdAt, updatedAt: r.b_updatedAt,
  });
  return {
    booking,
    tour: r.t_id ? { id: r.t_id, title: r.t_title, slug: r.t_slug, images: parseJsonArray(r.t_images), startDate: toDate(r.t_startDate) } : null,
    payment: r.p_id
      ? { id: r.p_id, status: r.p_status, amount: Money.ofMinor(Number(r.p_amount), r.p_currency), transactionId: r.p_transactionId, invoiceNumber: r.i_number ?? null, refundDue: Boolean(Number(r.p_refundDue)) }
      : null,
    user: r.u_id ? { id: r.u_id, name: r.u_name, email: r.u_email } : null,
  };
}
