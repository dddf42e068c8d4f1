import Joi from 'joi';
import { CreateTour } from '../../../application/catalogue/CreateTour';
import { DeleteTour } from '../../../application/catalogue/DeleteTour';
import { GetTour } from '../../../application/catalogue/GetTour';
import { ListTours } from '../../../application/catalogue/ListTours';
import { UpdateTour } from '../../../application/catalogue/UpdateTour';
import { Runtime } from '../../../infrastructure/container/buildContainer';
import { majorAmount, minorBoundFromQuery } from '../amounts';
import { ListSpec, listQuerySchema, listReply, toListQuery } from '../listQuery';
import { presentTour } from '../presenters/presentCatalogue';
import { ADMINS, idParams, RouteDef, withAlias } from '../route';
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

const text = (max: number) => Joi.string().trim().max(max).allow('', null);
const items = Joi.array().items(Joi.string().trim().max(500)).max(50);
const ref = Joi.string().max(64);

const tourFields = {
  title: Joi.string().trim().min(2).max(200),
  description: text(10000),
  location: text(200),
  costFrom: majorAmount(),
  currency: Joi.string().pattern(/^[A-Z]{3}$/),
  startDate: Joi.date().iso().allow(null),
  endDate: Joi.date().iso().allow(null),
  departureLocation: text(200),
  arrivalLocation: text(200),
  included: items,
  excluded: items,
  amenities: items,
  tourPlan: items,
  maxGuest: Joi.number().integer().min(1).max(100000),
  minAge: Joi.number().integer().min(0).max(120).allow(null),
  division: ref,
  tourType: ref,
};

export const createTourBody = Joi.object(tourFields).fork(['title', 'costFrom', 'maxGuest', 'division', 'tourType'], (s) => s.required());
export const updateTourBody = Joi.object({
  ...tourFields,
  deleteImages: Joi.array().items(Joi.string().max(2000)).max(50),
  regenerateSlug: Joi.boolean(),
});


/** Tour routes, each also under `/tours/...`. */
export function tourRoutes({ container }: Runtime): RouteDef[] {
  const create = container.get(CreateTour);
  const update = container.get(UpdateTour);
  const remove = container.get(DeleteTour);
  const get = container.get(GetTour);
  const list = container.get(ListTours);
  const tag = 'Tours';

  return [
    {
      method: 'get', path: withAlias('/tour'), tag, access: 'public',
      summary: 'List tours (search over title, description, location; filters division, tourType, location; ranges minCost, maxCost, startFrom, startTo)',
      request: { query: listQuerySchema(TOUR_LIST) },
      response: { list: true },
      async handler({ query }) {
        const { query: listQuery, fields } = toListQuery(query, TOUR_LIST);
        const page = await list.execute(listQuery);
        return listReply('Tours retrieved', { ...page, items: page.items.map(presentTour) }, fields);
      },
    },
    {
      method: 'post', path: withAlias('/tour/create'), tag, access: ADMINS,
      summary: 'Create a tour (multipart `files` images + `data` JSON, or plain JSON); costFrom in major units',
      request: { body: createTourBody, files: { field: 'files', max: 10 } },
      response: { status: 201 },
      async handler({ body, files }) {
        return { status: 201, message: 'Tour created', data: presentTour(await create.execute(body, incomingFiles(files))) };
      },
    },
    {
      method: 'get', path: withAlias('/tour/:slug'), tag, access: 'public',
      summary: 'One tour by slug (or id), with seatsLeft',
      request: { params: Joi.object({ slug: Joi.string().max(220).required() }) },
      async handler({ params }) {
        return { message: 'Tour retrieved', data: presentTour(await get.execute(params.slug)) };
      },
    },
    {
      method: 'patch', path: withAlias('/tour/:id'), tag, access: ADMINS,
      summary: 'Edit a tour: new `files` are added, `deleteImages` removed after commit; maxGuest never below seats held',
      request: { params: idParams, body: updateTourBody, files: { field: 'files', max: 10 } },
      async handler({ params, body, files }) {
        return { message: 'Tour updated', data: presentTour(await update.execute(params.id, body, incomingFiles(files))) };
      },
    },
    {
      method: 'delete', path: withAlias('/tour/:id'), tag, access: ADMINS,
      summary: 'Delete a tour (409 while it has PENDING or COMPLETE bookings)',
      request: { params: idParams },
      async handler({ params }) {
        await remove.execute(params.id);
        return { message: 'Tour deleted', data: null };
      },
    },
  ];
}
