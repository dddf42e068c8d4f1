import Joi from 'joi';
import type { UseCases } from '../../../application/UseCases';
import { presentPaymentStats, presentTourStats } from '../presenters/presentStats';
import type { RouteDef } from '../route';
import { ADMINS, route } from '../route';

const count = Joi.number().integer().min(0);
const breakdown = (example: { _id: string; count: number }[]) => Joi.array().items(Joi.object({ _id: Joi.string(), count })).example(example);
const tourRef = Joi.object({ title: Joi.string(), slug: Joi.string() });

const userStats = Joi.object({
  totalUsers: count.example(120), totalActiveUsers: count.example(110), totalInActiveUsers: count.example(6), totalBlockedUsers: count.example(4),
  newUsersInLast7Days: count.example(9), newUsersInLast30Days: count.example(31), usersByRole: breakdown([{ _id: 'USER', count: 115 }, { _id: 'ADMIN', count: 4 }, { _id: 'SUPER_ADMIN', count: 1 }]),
});
const tourStats = Joi.object({
  totalTour: count.example(24),
  totalTourByTourType: Joi.array().items(Joi.object({ _id: Joi.string(), count, name: Joi.string().allow(null) })).example([{ _id: '7f1c…', count: 14, name: 'Adventure' }]),
  totalTourByDivision: Joi.array().items(Joi.object({ _id: Joi.string(), count, name: Joi.string().allow(null) })).example([{ _id: '2b9e…', count: 9, name: 'Sylhet' }]),
  avgTourCost: Joi.number().description('major units of `currency`, over tours priced in it').example(15000.17),
  currency: Joi.string().example('BDT'),
  totalHighestBookedTour: Joi.array().items(Joi.object({ _id: Joi.string(), bookingCount: count, tour: tourRef })).description('top 5')
    .example([{ _id: 'a41d…', bookingCount: 37, tour: { title: "Cox's Bazar Escape", slug: 'coxs-bazar-escape' } }]),
});
const bookingStats = Joi.object({
  totalBooking: count.example(310),
  totalBookingByStatus: breakdown([{ _id: 'COMPLETE', count: 240 }, { _id: 'EXPIRED', count: 41 }, { _id: 'PENDING', count: 12 }]),
  bookingsPerTour: Joi.array().items(Joi.object({ _id: Joi.string(), count, bookingCount: count, tour: tourRef }))
    .example([{ _id: 'a41d…', count: 37, bookingCount: 37, tour: { title: "Cox's Bazar Escape", slug: 'coxs-bazar-escape' } }]),
  avgGuestCountPerBooking: Joi.number().example(2.83), bookingsLast7Days: count.example(18), bookingsLast30Days: count.example(77), totalBookingByUniqueUsers: count.example(95),
});
const paymentStats = Joi.object({
  totalPayment: count.example(300),
  totalPaymentByStatus: breakdown([{ _id: 'PAID', count: 240 }, { _id: 'UNPAID', count: 30 }, { _id: 'FAILED', count: 20 }]),
  totalRevenue: Joi.number().description('PAID payments, major units of `currency`').example(5400000),
  avgPaymentAmount: Joi.number().description('mean PAID payment, major units of `currency`').example(22500),
  currency: Joi.string().example('BDT'),
  paymentGatewayData: breakdown([{ _id: 'sslcommerz', count: 280 }, { _id: 'sandbox', count: 20 }]),
  invoicesIssued: count.example(238),
});

export interface StatsRoutesDependencies {
  useCases: Pick<UseCases, 'getUserStats' | 'getTourStats' | 'getBookingStats' | 'getPaymentStats'>;
}

export function statsRoutes({ useCases }: StatsRoutesDependencies): RouteDef[] {
  const { getUserStats, getTourStats, getBookingStats, getPaymentStats } = useCases;
  const tag = 'Statistics';

  return [
    route({
      method: 'get', path: '/stats/user', tag, access: ADMINS,
      summary: 'Accounts by status and role, and new sign-ups in the last 7 and 30 days (soft-deleted accounts left out)',
      response: { data: userStats },
      async handler() {
        return { message: 'User stats fetched successfully', data: await getUserStats.execute() };
      },
    }),
    route({
      method: 'get', path: '/stats/tour', tag, access: ADMINS,
      summary: 'Tours by type and division, average starting cost, the 5 most booked tours',
      response: { data: tourStats },
      async handler() {
        return { message: 'Tour stats fetched successfully', data: presentTourStats(await getTourStats.execute()) };
      },
    }),
    route({
      method: 'get', path: '/stats/booking', tag, access: ADMINS,
      summary: 'Bookings by status and tour, average party size, bookings in the last 7 and 30 days, distinct bookers',
      response: { data: bookingStats },
      async handler() {
        return { message: 'Booking stats fetched successfully', data: await getBookingStats.execute() };
      },
    }),
    route({
      method: 'get', path: '/stats/payment', tag, access: ADMINS,
      summary: 'Payments by status and gateway, revenue and average paid amount, invoices issued',
      response: { data: paymentStats },
      async handler() {
        return { message: 'Payment stats fetched successfully', data: presentPaymentStats(await getPaymentStats.execute()) };
      },
    }),
  ];
}
