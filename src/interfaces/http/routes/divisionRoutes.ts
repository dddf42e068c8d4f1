import Joi from 'joi';
import { CreateDivision } from '../../../application/catalogue/CreateDivision';
import { DeleteDivision } from '../../../application/catalogue/DeleteDivision';
import { GetDivision } from '../../../application/catalogue/GetDivision';
import { ListDivisions } from '../../../application/catalogue/ListDivisions';
import { UpdateDivision } from '../../../application/catalogue/UpdateDivision';
import { Runtime } from '../../../infrastructure/container/buildContainer';
import { ListSpec, listQuerySchema, listReply, toListQuery } from '../listQuery';
import { presentDivision } from '../presenters/presentCatalogue';
import { ADMINS, idParams, RouteDef } from '../route';
import { incomingFiles } from '../uploads';

export const DIVISION_LIST: ListSpec = {
  filters: { slug: Joi.string().max(140) },
  sortable: ['name', 'createdAt', 'updatedAt'],
  projectable: ['name', 'slug', 'description', 'thumbnail', 'createdAt', 'updatedAt'],
};

const name = Joi.string().trim().min(2).max(120);
const description = Joi.string().trim().max(5000).allow('', null);

export function divisionRoutes({ container }: Runtime): RouteDef[] {
  const create = container.get(CreateDivision);
  const update = container.get(UpdateDivision);
  const remove = container.get(DeleteDivision);
  const get = container.get(GetDivision);
  const list = container.get(ListDivisions);
  const tag = 'Divisions';

  return [
    {
      method: 'post', path: '/division/create', tag, access: ADMINS,
      summary: 'Create a division (multipart `file` thumbnail + `data` JSON, or plain JSON); slug derived from the name',
      request: { body: Joi.object({ name: name.required(), description }), files: { field: 'file', max: 1 } },
      response: { status: 201 },
      async handler({ body, files }) {
        const view = await create.execute(body, incomingFiles(files)[0] ?? null);
        return { status: 201, message: 'Division created', data: presentDivision(view) };
      },
    },
    {
      method: 'get', path: '/division', tag, access: 'public',
      summary: 'List divisions (search over name, description)',
      request: { query: listQuerySchema(DIVISION_LIST) },
      response: { list: true },
      async handler({ query }) {
        const { query: listQuery, fields } = toListQuery(query, DIVISION_LIST);
        const page = await list.execute(listQuery);
        return listReply('Divisions retrieved', { ...page, items: page.items.map(presentDivision) }, fields);
      },
    },
    {
      method: 'get', path: '/division/:slug', tag, access: 'public',
      summary: 'One division by slug (or id)',
      request: { params: Joi.object({ slug: Joi.string().max(140).required() }) },
      async handler({ params }) {
        return { message: 'Division retrieved', data: presentDivision(await get.execute(params.slug)) };
      },
    },
    {
      method: 'patch', path: '/division/:id', tag, access: ADMINS,
      summary: 'Edit a division; a new `file` replaces the thumbnail (the old one is deleted after commit); slug kept unless `regenerateSlug`',
      request: { params: idParams, body: Joi.object({ name, description, regenerateSlug: Joi.boolean() }), files: { field: 'file', max: 1 } },
      async handler({ params, body, files }) {
        const view = await update.execute(params.id, body, incomingFiles(files)[0] ?? null);
        return { message: 'Division updated', data: presentDivision(view) };
      },
    },
    {
      method: 'delete', path: '/division/:id', tag, access: ADMINS,
      summary: 'Delete a division (409 while tours reference it)',
      request: { params: idParams },
      async handler({ params }) {
        await remove.execute(params.id);
        return { message: 'Division deleted', data: null };
      },
    },
  ];
}
