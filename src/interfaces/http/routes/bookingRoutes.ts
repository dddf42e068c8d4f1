import Joi from 'joi';
import type { UseCases } from '../../../application/UseCases';
import { BOOKING_STATUSES } from '../../../domain/booking/Booking';
import { isAdmin } from '../../../domain/user/Role';
import type { ListSpec } from '../listQuery';
import { listQuerySchema, listReply, toListQuery } from '../listQuery';
import { presentBooking, presentBookingView } from '../presenters/presentBooking';
import type { RouteDef } from '../route';
import { ADMINS, route } from '../route';
import { object, oneOf, required } from '../schema';

const id = Joi.string().max(64);
const status = oneOf(BOOKING_STATUSES);

const SORTABLE = ['createdAt', 'updatedAt', 'expiresAt', 'guestCount', 'amount', 'status'];
const PROJECTABLE = ['user', 'tour', 'guestCount', 'status', 'expiresAt', 'amount', 'currency', 'payment', 'createdAt', 'updatedAt'];
export const BOOKING_LIST: ListSpec = { filters: { status, tour: id, user: id }, sortable: SORTABLE, projectable: PROJECTABLE };
export const MY_BOOKING_LIST: ListSpec = { filters: { status }, sortable: SORTABLE, projectable: PROJECTABLE };
const bookingParams = object({ bookingId: required(id) });

export interface BookingRoutesDependencies {
  useCases: Pick<UseCases, 'createBooking' | 'listBookings' | 'getBooking' | 'changeBookingStatus'>;
}

export function bookingRoutes({ useCases }: BookingRoutesDependencies): RouteDef[] {
  const { createBooking, listBookings, getBooking, changeBookingStatus } = useCases;
  const tag = 'Bookings';

  return [
    route({
      method: 'post', path: '/booking', tag, access: 'user',
      summary: 'Book seats on a tour (verified traveller with phone and address); seats are held until expiresAt',
      request: { body: object({ tour: required(id), guestCount: required(Joi.number().integer().min(1).max(10_000)) }) },
      response: { status: 201 },
      async handler({ actor, body }) {
        const { booking, payment, paymentUrl } = await createBooking.execute(actor, { tourId: body.tour, guestCount: body.guestCount });
        return {
          status: 201,
          message: 'Booking created successfully',
          data: {
            booking: presentBooking(booking),
            payment: { _id: payment.id, id: payment.id, transactionId: payment.transactionId, status: payment.status, amount: payment.amount.major, currency: payment.amount.currency },
            paymentUrl,
          },
        };
      },
    }),
    route({
      method: 'get', path: '/booking', tag, access: ADMINS,
      summary: 'All bookings; filters status, tour, user',
      request: { query: listQuerySchema(BOOKING_LIST) },
      response: { list: true },
      async handler({ actor, query }) {
        const { query: list, fields } = toListQuery(query, BOOKING_LIST);
        const page = await listBookings.execute(actor, list, { mine: false });
        return listReply('All bookings retrieved successfully', { ...page, items: page.items.map((v) => presentBookingView(v, { withUser: true })) }, fields);
      },
    }),
    route({
      method: 'get', path: '/booking/my-bookings', tag, access: 'user',
      summary: 'The caller\'s bookings with their tour and payment; filter status',
      request: { query: listQuerySchema(MY_BOOKING_LIST) },
      response: { list: true },
      async handler({ actor, query }) {
        const { query: list, fields } = toListQuery(query, MY_BOOKING_LIST);
        const page = await listBookings.execute(actor, list, { mine: true });
        return listReply('Bookings retrieved successfully', { ...page, items: page.items.map((v) => presentBookingView(v, { withUser: false })) }, fields);
      },
    }),
    route({
      method: 'get', path: '/booking/:bookingId', tag, access: 'user',
      summary: 'One booking (its owner or an admin)',
      request: { params: bookingParams },
      async handler({ actor, params }) {
        const view = await getBooking.execute(actor, params.bookingId);
        return { message: 'Booking retrieved successfully', data: presentBookingView(view, { withUser: isAdmin(actor.role) }) };
      },
    }),
    route({
      method: 'patch', path: '/booking/:bookingId/status', tag, access: 'user',
      summary: 'Change a booking\'s status: the owner cancels a PENDING booking, admins make any allowed move',
      request: { params: bookingParams, body: object({ status: required(status) }) },
      async handler({ actor, params, body }) {
        const booking = await changeBookingStatus.execute(actor, params.bookingId, body.status);
        return { message: 'Booking status updated successfully', data: presentBooking(booking) };
      },
    }),
  ];
}
