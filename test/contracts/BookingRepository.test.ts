import { TypeOrmUnitOfWork } from '../../src/infrastructure/persistence/TypeOrmUnitOfWork';
import { TypeOrmBookingRepository } from '../../src/infrastructure/persistence/repositories/TypeOrmBookingRepository';
import { TypeOrmPaymentRepository } from '../../src/infrastructure/persistence/repositories/TypeOrmPaymentRepository';
import { TypeOrmUserRepository } from '../../src/infrastructure/persistence/repositories/TypeOrmUserRepository';
import { Money } from '../../src/domain/shared/Money';
import { InMemoryBookingRepository } from '../fakes/InMemoryBookingRepository';
import { InMemoryUnitOfWork } from '../fakes/InMemoryUnitOfWork';
import { TourMother } from '../mothers/TourMother';
import { forEachDatabase } from '../support/databases';
import { describeBookingRepositoryContract } from './BookingRepository.contract';

describeBookingRepositoryContract('InMemoryBookingRepository', async () => {
  const bookings = new InMemoryBookingRepository();
  const payments = new Map<string, NonNullable<ReturnType<InMemoryBookingRepository['paymentOf']>>>();
  bookings.paymentOf = (bookingId) => payments.get(bookingId) ?? null;
  return {
    bookings,
    uow: new InMemoryUnitOfWork(),
    givenTour: async (seed = {}) => {
      const tour = TourMother.bookable({
        capacity: seed.capacity ?? 10, price: Money.ofMinor(seed.priceMinor ?? 1_250_000, 'BDT'),
        ...(seed.startDate === undefined ? {} : { startDate: seed.startDate }),
      });
      const slug = `${tour.id}-slug`;
      bookings.addTour({ ...tour, slug, images: seed.images ?? [] });
      return { ...tour, slug };
    },
    givenUser: async (user) => void bookings.users.set(user.id, { id: user.id, name: user.name, email: user.email.value }),
    givenPayment: async (p) => void payments.set(p.bookingId, {
      id: p.id, status: p.status, amount: p.amount, transactionId: p.transactionId, invoiceNumber: null, refundDue: p.refundDue,
    }),
  };
});

forEachDatabase((kind, database) => {
  describeBookingRepositoryContract(`TypeOrmBookingRepository (${kind})`, async () => {
    const db = database();
    const uow = new TypeOrmUnitOfWork(db);
    return {
      bookings: new TypeOrmBookingRepository(db),
      uow,
      givenTour: async (seed = {}) => {
        const priceMinor = seed.priceMinor ?? 1_250_000;
        const startDate = seed.startDate === undefined ? new Date('2026-06-01T06:00:00.000Z') : seed.startDate;
        const row = await TourMother.insert(db, { maxGuest: seed.capacity ?? 10, price: priceMinor / 100, startDate, images: seed.images ?? [] });
        return { id: row.id, title: row.title, slug: row.slug, capacity: seed.capacity ?? 10, startDate, price: Money.ofMinor(priceMinor, 'BDT') };
      },
      givenUser: (user) => uow.run(() => new TypeOrmUserRepository(db).save(user)),
      givenPayment: (payment) => uow.run(() => new TypeOrmPaymentRepository(db).create(payment)),
    };
  });
});
