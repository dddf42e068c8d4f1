import Joi from 'joi';
import { CreateTourType } from '../../../application/catalogue/CreateTourType';
import { DeleteTourType } from '../../../application/catalogue/DeleteTourType';
import { ListTourTypes } from '../../../application/catalogue/ListTourTypes';
import { UpdateTourType } from '../../../application/catalogue/UpdateTourType';
import { Runtime } from '../../../infrastructure/container/buildContainer';
import { listMeta } from '../envelope';
import { ListSpec, listQuerySchema, project, toListQuery } from '../listQuery';
import { presentTourType } from '../presenters/presentCatalogue';
import { ADMINS, RouteDef } from '../route';

export const TOUR_TYPE_LIST: ListSpec = {
  filters: { name: Joi.string().max(120) },
  sortable: ['name', 'createdAt', 'updatedAt'],
  projectable: ['name', 'createdAt', 'updatedAt'],
};

/** `/tour/...` paths are also served under `/tours/...`. */
export const withAlias = (path: string): string[] => [path, path.replace(/^\/tour\b/, '/tours')];

const id = Joi.object({ id: Joi.string().max(64).required() });
const name = Joi.string().trim().min(2).max(120);

/** Registered before tourRoutes: `GET /tour/tour-types` must win over `GET /tour/:slug`. */
export function tourTypeRoutes({ container }: Runtime): RouteDef[] {
  const create = container.get(CreateTourType);
  const update = container.get(UpdateTourType);
  const remove = container.get(DeleteTourType);
  const list = container.get(ListTourTypes);
  const tag = 'Tour types';

  return [
    {
      method: 'get', path: withAlias('/tour/tour-types'), tag, access: 'public',
      summary: 'List tour types; answers `data: { data, meta }` (nested, as existing front ends read it)',
      request: { query: listQuerySchema(TOUR_TYPE_LIST) },
      async handler({ query }) {
        const { query: listQuery, fields } = toListQuery(query, TOUR_TYPE_LIST);
        const page = await list.execute(listQuery);
        return { message: 'Tour types retrieved', data: { data: page.items.map((t) => project(presentTourType(t), fields)), meta: listMeta(page) } };
      },
    },
    {
      method: 'post', path: withAlias('/tour/create-tour-type'), tag, access: ADMINS,
      summary: 'Create a tour type (name unique)',
      request: { body: Joi.object({ name: name.required() }) },
      response: { status: 201 },
      async handler({ body }) {
        return { status: 201, message: 'Tour type created', data: presentTourType(await create.execute(body)) };
      },
    },
    {
      method: 'patch', path: withAlias('/tour/tour-types/:id'), tag, access: ADMINS,
      summary: 'Rename a tour type',
      request: { params: id, body: Joi.object({ name }) },
      async handler({ params, body }) {
        return { message: 'Tour type updated', data: presentTourType(await update.execute(params.id, body)) };
      },
    },
    {
      method: 'delete', path: withAlias('/tour/tour-types/:id'), tag, access: ADMINS,
      summary: 'Delete a tour type (409 while tours reference it)',
      request: { params: id },
      async handler({ params }) {
        await remove.execute(params.id);
        return { message: 'Tour type deleted', data: null };
      },
    },
  ];
}
