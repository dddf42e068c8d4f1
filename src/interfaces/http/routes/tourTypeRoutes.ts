import Joi from 'joi';
import { mapPage } from '../../../application/shared/ListQuery';
import type { UseCases } from '../../../application/UseCases';
import type { ListSpec } from '../listQuery';
import { listQuerySchema, listReply, toListQuery } from '../listQuery';
import { presentTourType } from '../presenters/presentCatalogue';
import type { RouteDef } from '../route';
import { ADMINS, idParams, route, withAlias } from '../route';
import { object, required } from '../schema';

export const TOUR_TYPE_LIST: ListSpec = {
  filters: { name: Joi.string().max(120) },
  sortable: ['name', 'createdAt', 'updatedAt'],
  projectable: ['name', 'createdAt', 'updatedAt'],
};

const name = Joi.string().trim().min(2).max(120);

export interface TourTypeRoutesDependencies {
  useCases: Pick<UseCases, 'createTourType' | 'updateTourType' | 'deleteTourType' | 'listTourTypes'>;
}

/** Registered before tourRoutes: `GET /tour/tour-types` must win over `GET /tour/:slug`. */
export function tourTypeRoutes({ useCases }: TourTypeRoutesDependencies): RouteDef[] {
  const { createTourType: create, updateTourType: update, deleteTourType: remove, listTourTypes: list } = useCases;
  const tag = 'Tour types';

  return [
    route({
      method: 'get', path: withAlias('/tour/tour-types'), tag, access: 'public',
      summary: 'List tour types; answers `data: { data, meta }` (nested, as existing front ends read it)',
      request: { query: listQuerySchema(TOUR_TYPE_LIST) },
      async handler({ query }) {
        const { query: listQuery, fields } = toListQuery(query, TOUR_TYPE_LIST);
        const page = await list.execute(listQuery);
        const reply = listReply('Tour types retrieved', mapPage(page, presentTourType), fields);
        return { message: reply.message, data: { data: reply.data, meta: reply.meta } };
      },
    }),
    route({
      method: 'post', path: withAlias('/tour/create-tour-type'), tag, access: ADMINS,
      summary: 'Create a tour type (name unique)',
      request: { body: object({ name: required(name) }) },
      response: { status: 201 },
      async handler({ body }) {
        return { status: 201, message: 'Tour type created', data: presentTourType(await create.execute(body)) };
      },
    }),
    route({
      method: 'patch', path: withAlias('/tour/tour-types/:id'), tag, access: ADMINS,
      summary: 'Rename a tour type',
      request: { params: idParams, body: object({ name }) },
      async handler({ params, body }) {
        return { message: 'Tour type updated', data: presentTourType(await update.execute(params.id, body)) };
      },
    }),
    route({
      method: 'delete', path: withAlias('/tour/tour-types/:id'), tag, access: ADMINS,
      summary: 'Delete a tour type (409 while tours reference it)',
      request: { params: idParams },
      async handler({ params }) {
        await remove.execute(params.id);
        return { message: 'Tour type deleted', data: null };
      },
    }),
  ];
}
