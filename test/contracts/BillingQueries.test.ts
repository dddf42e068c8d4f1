import type { BillingRecord } from '../../src/application/ports/BillingQueries';
import type { Database } from '../../src/infrastructure/persistence/Database';
import { TypeOrmUnitOfWork } from '../../src/infrastructure/persistence/TypeOrmUnitOfWork';
import { TypeOrmBillingQueries } from '../../src/infrastructure/persistence/repositories/TypeOrmBillingQueries';
import { TypeOrmInvoiceRepository } from '../../src/infrastructure/persistence/repositories/TypeOrmInvoiceRepository';
import { InMemoryBillingQueries } from '../fakes/InMemoryBillingQueries';
import { InMemoryInvoiceRepository } from '../fakes/InMemoryInvoiceRepository';
import { InMemoryUnitOfWork } from '../fakes/InMemoryUnitOfWork';
import { forEachDatabase } from '../support/databases';
import { describeBillingQueriesContract } from './BillingQueries.contract';

describeBillingQueriesContract('InMemoryBillingQueries', async () => {
  const invoices = new InMemoryInvoiceRepository();
  const billing = new InMemoryBillingQueries(invoices);
  return { billing, invoices, uow: new InMemoryUnitOfWork(), givenRecord: async (r) => void billing.add(r) };
});

/** The rows behind one billing record, written straight into the tables the query joins. */
async function insertRecord(db: Database, r: BillingRecord): Promise<void> {
  const m = db.dataSource.manager;
  const now = new Date('2026-03-01T10:00:00.000Z');
  const tourId = r.bookingId.replace(/^./, 't');
  await m.createQueryBuilder().insert().into('users').values({
    id: r.customer.userId, name: r.customer.name, email: r.customer.email, passwordHash: null, phone: r.customer.phone, address: r.customer.address, picture: null,
    role: 'USER', status: 'ACTIVE', isVerified: true, isDeleted: false, googleId: null, createdAt: now, updatedAt: now,
  }).execute();
  await m.createQueryBuilder().insert().into('tours').values({
    id: tourId, title: r.tour.title, slug: `tour-${tourId}`, description: 'Sea and sand', costFrom: r.amount.minor / r.guestCount, currency: r.amount.currency,
    startDate: r.tour.startDate, endDate: r.tour.endDate, included: '[]', excluded: '[]', amenities: '[]', tourPlan: '[]', images: '[]', maxGuest: 40, minAge: null,
    divisionId: tourId, tourTypeId: tourId, createdAt: now, updatedAt: now,
  }).execute();
  await m.createQueryBuilder().insert().into('bookings').values({
    id: r.bookingId, userId: r.customer.userId, tourId, guestCount: r.guestCount, status: 'COMPLETE', expiresAt: now, amount: r.amount.minor, currency: r.amount.currency,
    createdAt: now, updatedAt: now,
  }).execute();
  await m.createQueryBuilder().insert().into('payments').values({
    id: r.paymentId, bookingId: r.bookingId, transactionId: r.transactionId, amount: r.amount.minor, currency: r.amount.currency, status: r.paymentStatus,
    gateway: 'sandbox', gatewayRef: null, valId: null, refundDue: false, paidAt: r.paidAt, confirmationSentAt: null, createdAt: now, updatedAt: now,
  }).execute();
}

forEachDatabase((kind, database) => {
  describeBillingQueriesContract(`TypeOrmBillingQueries (${kind})`, async () => ({
    billing: new TypeOrmBillingQueries(database()),
    invoices: new TypeOrmInvoiceRepository(database()),
    uow: new TypeOrmUnitOfWork(database()),
    givenRecord: (r) => insertRecord(database(), r),
  }));
});
