import Joi from 'joi';
import type { UseCases } from '../../../application/UseCases';
import { majorAmount, minorBoundFromQuery } from '../amounts';
import type { ListSpec } from '../listQuery';
import { listQuerySchema, listReply, toListQuery } from '../listQuery';
import { presentTour } from '../presenters/presentCatalogue';
import type { RouteDef } from '../route';
import { ADMINS, idParams, route, withAlias } from '../route';
import { arrayOf, nullable, object, required } from '../schema';
import { incomingFiles } from '../uploads';

export const TOUR_LIST: ListSpec = {
  filters: { division: Joi.string().max(64), tourType: Joi.string().max(64), location: Joi.string().max(200), slug: Joi.string().max(220) },
  ranges: {
    minCost: { field: 'costFrom', bound: 'gte', schema: minorBoundFromQuery() },
    maxCost: { field: 'costFrom', bound: 'lte', schema: minorBoundFromQuery() },
    startFrom: { field: 'startDate', bound: 'gte', schema: Joi.date().iso() },
    startTo: { field: 'startDate', bound: 'lte', schema: Joi.date().iso() },
  },
  sortable: ['title', 'costFrom', 'startDate', 'endDate', 'createdAt'],
  projectable: [
    'title', 'slug', 'description', 'location', 'costFrom', 'currency', 'startDate', 'endDate', 'departureLocation', 'arrivalLocation',
    'included', 'excluded', 'amenities', 'tourPlan', 'images', 'maxGuest', 'minAge', 'seatsLeft', 'division', 'divisionName',
    'tourType', 'tourTypeName', 'createdAt', 'updatedAt',
  ],
};

const text = (max: number) => nullable(Joi.string().trim().max(max).allow(''));
const items = arrayOf(Joi.string().trim().max(500), (a) => a.max(50));
const ref = Joi.string().max(64);

const tourFields = {
  title: Joi.string().trim().min(2).max(200),
  description: text(10000),
  location: text(200),
  costFrom: majorAmount(),
  currency: Joi.string().pattern(/^[A-Z]{3}$/),
  startDate: nullable(Joi.date().iso()),
  endDate: nullable(Joi.date().iso()),
  departureLocation: text(200),
  arrivalLocation: text(200),
  included: items,
  excluded: items,
  amenities: items,
  tourPlan: items,
  maxGuest: Joi.number().integer().min(1).max(100000),
  minAge: nullable(Joi.number().integer().min(0).max(120)),
  division: ref,
  tourType: ref,
};

export const createTourBody = object({
  ...tourFields,
  title: required(tourFields.title),
  costFrom: required(tourFields.costFrom),
  maxGuest: required(tourFields.maxGuest),
  division: required(tourFields.division),
  tourType: required(tourFields.tourType),
});
export const updateTourBody = object({
  ...tourFields,
  deleteImages: arrayOf(Joi.string().max(2000), (a) => a.max(50)),
  regenerateSlug: Joi.boolean(),
});

/** Tour routes, each also under `/tours/...`. */
export interface TourRoutesDependencies {
  useCases: Pick<UseCases, 'createTour' | 'updateTour' | 'deleteTour' | 'getTour' | 'listTours'>;
}

export function tourRoutes({ useCases }: TourRoutesDependencies): RouteDef[] {
  const { createTour: create, updateTour: update, deleteTour: remove, getTour: get, listTours: list } = useCases;
  const tag = 'Tours';

  return [
    route({
      method: 'get', path: withAlias('/tour'), tag, access: 'public',
      summary: 'List tours (search over title, description, location; filters division, tourType, location; ranges minCost, maxCost, startFrom, startTo)',
      request: { query: listQuerySchema(TOUR_LIST) },
      response: { list: true },
      async handler({ query }) {
        const { query: listQuery, fields } = toListQuery(query, TOUR_LIST);
        const page = await list.execute(listQuery);
        return listReply('Tours retrieved', { ...page, items: page.items.map(presentTour) }, fields);
      },
    }),
    route({
      method: 'post', path: withAlias('/tour/create'), tag, access: ADMINS,
      summary: 'Create a tour (multipart `files` images + `data` JSON, or plain JSON); costFrom in major units',
      request: { body: createTourBody, files: { field: 'files', max: 10 } },
      response: { status: 201 },
      async handler({ body, files }) {
        return { status: 201, message: 'Tour created', data: presentTour(await create.execute(body, incomingFiles(files))) };
      },
    }),
    route({
      method: 'get', path: withAlias('/tour/:slug'), tag, access: 'public',
      summary: 'One tour by slug (or id), with seatsLeft',
      request: { params: object({ slug: required(Joi.string().max(220)) }) },
      async handler({ params }) {
        return { message: 'Tour retrieved', data: presentTour(await get.execute(params.slug)) };
      },
    }),
    route({
      method: 'patch', path: withAlias('/tour/:id'), tag, access: ADMINS,
      summary: 'Edit a tour: new `files` are added, `deleteImages` removed after commit; maxGuest never below seats held',
      request: { params: idParams, body: updateTourBody, files: { field: 'files', max: 10 } },
      async handler({ params, body, files }) {
        return { message: 'Tour updated', data: presentTour(await update.execute(params.id, body, incomingFiles(files))) };
      },
    }),
    route({
      method: 'delete', path: withAlias('/tour/:id'), tag, access: ADMINS,
      summary: 'Delete a tour (409 while it has PENDING or COMPLETE bookings)',
      request: { params: idParams },
      async handler({ params }) {
        await remove.execute(params.id);
        return { message: 'Tour deleted', data: null };
      },
    }),
  ];
}
