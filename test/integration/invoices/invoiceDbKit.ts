import { randomUUID } from 'node:crypto';
import type { Database } from '../../../src/infrastructure/persistence/Database';
import { IssueInvoice } from '../../../src/application/invoices/IssueInvoice';
import type { PdfRenderer } from '../../../src/application/ports/PdfRenderer';
import { TEMPLATES_DIR } from '../../../src/infrastructure/templates/templatesDir';
import { TypeOrmJobQueue } from '../../../src/infrastructure/jobs/TypeOrmJobQueue';
import { TypeOrmUnitOfWork } from '../../../src/infrastructure/persistence/TypeOrmUnitOfWork';
import { TypeOrmBillingQueries } from '../../../src/infrastructure/persistence/repositories/TypeOrmBillingQueries';
import { TypeOrmInvoiceRepository } from '../../../src/infrastructure/persistence/repositories/TypeOrmInvoiceRepository';
import { NodeCryptoDigest } from '../../../src/infrastructure/security/NodeCryptoDigest';
import { HandlebarsTemplateRenderer } from '../../../src/infrastructure/templates/HandlebarsTemplateRenderer';
import { FakeClock } from '../../fakes/FakeClock';
import { FakePdfRenderer } from '../../fakes/FakePdfRenderer';
import { InMemoryObjectStorage } from '../../fakes/InMemoryObjectStorage';
import { SequentialIds } from '../../fakes/SequentialIds';

/** Inserts a user, a tour, a booking and a payment straight into the tables; returns the payment id. */
export async function seedPayment(db: Database, input: { title?: string; status?: string; guests?: number; unitMinor?: number; paidAt?: Date; userId?: string } = {}): Promise<{ paymentId: string; userId: string; email: string }> {
  const m = db.dataSource.manager;
  const now = new Date('2026-03-01T10:00:00.000Z');
  const ids = { user: input.userId ?? randomUUID(), tour: randomUUID(), booking: randomUUID(), payment: randomUUID() };
  const email = `traveller-${ids.user.slice(0, 8)}@example.com`;
  const guests = input.guests ?? 2;
  const amount = guests * (input.unitMinor ?? 1_250_000);
  if (!input.userId) await m.createQueryBuilder().insert().into('users').values({
    id: ids.user, name: 'Ayesha Rahman', email, passwordHash: null, phone: '+8801711000000', address: 'Road 7, Gulshan, Dhaka', picture: null,
    role: 'USER', status: 'ACTIVE', isVerified: true, isDeleted: false, googleId: null, createdAt: now, updatedAt: now,
  }).execute();
  await m.createQueryBuilder().insert().into('tours').values({
    id: ids.tour, title: input.title ?? "Cox's Bazar Sea Beach Getaway", slug: `tour-${ids.tour}`, description: 'Sea and sand', costFrom: input.unitMinor ?? 1_250_000,
    currency: 'BDT', startDate: new Date('2026-04-10T00:00:00.000Z'), endDate: new Date('2026-04-13T00:00:00.000Z'), included: '[]', excluded: '[]',
    amenities: '[]', tourPlan: '[]', images: '[]', maxGuest: 40, minAge: null, divisionId: randomUUID(), tourTypeId: randomUUID(), createdAt: now, updatedAt: now,
  }).execute();
  await m.createQueryBuilder().insert().into('bookings').values({
    id: ids.booking, userId: ids.user, tourId: ids.tour, guestCount: guests, status: 'COMPLETE', expiresAt: now, amount, currency: 'BDT', createdAt: now, updatedAt: now,
  }).execute();
  await m.createQueryBuilder().insert().into('payments').values({
    id: ids.payment, bookingId: ids.booking, transactionId: `TXN-${ids.payment.slice(0, 12)}`, amount, currency: 'BDT', status: input.status ?? 'PAID',
    gateway: 'sandbox', gatewayRef: null, valId: null, refundDue: false, paidAt: input.paidAt ?? now, confirmationSentAt: null, createdAt: now, updatedAt: now,
  }).execute();
  return { paymentId: ids.payment, userId: ids.user, email };
}

/** IssueInvoice on a real database (TypeORM repositories, job queue), with an in-memory store and `pdf`. */
export function issuingKit(db: Database, pdf: PdfRenderer = new FakePdfRenderer(5)) {
  const clock = new FakeClock(new Date('2026-03-01T10:00:00.000Z'));
  const ids = new SequentialIds(`t${Math.random().toString(36).slice(2, 8)}`);
  const invoices = new TypeOrmInvoiceRepository(db);
  const billing = new TypeOrmBillingQueries(db);
  const storage = new InMemoryObjectStorage(() => clock.now());
  const issueInvoice = new IssueInvoice(
    invoices, billing, pdf, new HandlebarsTemplateRenderer(TEMPLATES_DIR, { brandName: 'TourDesk' }), storage, new NodeCryptoDigest(),
    new TypeOrmJobQueue(db, ids, clock), ids, clock, new TypeOrmUnitOfWork(db), { name: 'TourDesk Travel Ltd.', address: 'Dhanmondi, Dhaka' }, 30_000,
  );
  return { clock, invoices, billing, storage, issueInvoice };
}
