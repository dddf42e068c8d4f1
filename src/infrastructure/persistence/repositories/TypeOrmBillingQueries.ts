import type { BillingQueries, BillingRecord } from '../../../application/ports/BillingQueries';
import type { PaymentStatus } from '../../../domain/payment/Payment';
import { Money } from '../../../domain/shared/Money';
import type { Database } from '../Database';
import { toDate } from '../rowValues';

const COLUMNS: [string, string][] = [
  ['p.id', 'paymentId'], ['p.status', 'paymentStatus'], ['p.transactionId', 'transactionId'], ['p.amount', 'amount'],
  ['p.currency', 'currency'], ['p.paidAt', 'paidAt'], ['b.id', 'bookingId'], ['b.guestCount', 'guestCount'],
  ['u.id', 'userId'], ['u.name', 'name'], ['u.email', 'email'], ['u.phone', 'phone'], ['u.address', 'address'],
  ['t.title', 'title'], ['t.startDate', 'startDate'], ['t.endDate', 'endDate'],
];

/** One read across payments, bookings, users and tours: what an invoice prints. */
export class TypeOrmBillingQueries implements BillingQueries {
  constructor(private readonly db: Database) {}

  async forPayment(paymentId: string): Promise<BillingRecord | null> {
    const query = this.db.manager().createQueryBuilder().from('payments', 'p')
      .innerJoin('bookings', 'b', 'b.id = p.bookingId')
      .innerJoin('users', 'u', 'u.id = b.userId')
      .leftJoin('tours', 't', 't.id = b.tourId')
      .where('p.id = :paymentId', { paymentId });
    COLUMNS.forEach(([column, alias], i) => (i === 0 ? query.select(column, alias) : query.addSelect(column, alias)));
    const row = await query.getRawOne();
    if (!row) return null;
    return {
      paymentId: row.paymentId,
      paymentStatus: row.paymentStatus as PaymentStatus,
      transactionId: row.transactionId,
      amount: Money.ofMinor(Number(row.amount), row.currency),
      paidAt: toDate(row.paidAt),
      bookingId: row.bookingId,
      guestCount: Number(row.guestCount),
      customer: { userId: row.userId, name: row.name, email: row.email, phone: row.phone ?? null, address: row.address ?? null },
      tour: { title: row.title ?? '(tour no longer listed)', startDate: toDate(row.startDate), endDate: toDate(row.endDate) },
    };
  }

  async paymentsAwaitingInvoice(limit: number): Promise<string[]> {
    const rows = await this.db.manager().createQueryBuilder().from('payments', 'p')
      .leftJoin('invoices', 'i', 'i.paymentId = p.id')
      .select('p.id', 'id')
      .where('p.status = :paid', { paid: 'PAID' })
      .andWhere('(i.id IS NULL OR i.status = :draft)', { draft: 'DRAFT' })
      .orderBy('p.paidAt', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .limit(limit)
      .getRawMany();
    return rows.map((row) => row.id);
  }
}
