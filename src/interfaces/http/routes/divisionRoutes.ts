import Joi from 'joi';
import type { UseCases } from '../../../application/UseCases';
import type { ListSpec } from '../listQuery';
import { listQuerySchema, listReply, toListQuery } from '../listQuery';
import { presentDivision } from '../presenters/presentCatalogue';
import type { RouteDef } from '../route';
import { ADMINS, idParams, route } from '../route';
import { nullable, object, required } from '../schema';
import { incomingFiles } from '../uploads';

export const DIVISION_LIST: ListSpec = {
  filters: { slug: Joi.string().max(140) },
  sortable: ['name', 'createdAt', 'updatedAt'],
  projectable: ['name', 'slug', 'description', 'thumbnail', 'createdAt', 'updatedAt'],
};

const name = Joi.string().trim().min(2).max(120);
const description = nullable(Joi.string().trim().max(5000).allow(''));

export interface DivisionRoutesDependencies {
  useCases: Pick<UseCases, 'createDivision' | 'updateDivision' | 'deleteDivision' | 'getDivision' | 'listDivisions'>;
}

export function divisionRoutes({ useCases }: DivisionRoutesDependencies): RouteDef[] {
  const { createDivision, updateDivision, deleteDivision, getDivision, listDivisions } = useCases;
  const tag = 'Divisions';

  return [
    route({
      method: 'post', path: '/division/create', tag, access: ADMINS,
      summary: 'Create a division (multipart `file` thumbnail + `data` JSON, or plain JSON); slug derived from the name',
      request: { body: object({ name: required(name), description }), files: { field: 'file', max: 1 } },
      response: { status: 201 },
      async handler({ body, files }) {
        const view = await createDivision.execute(body, incomingFiles(files)[0] ?? null);
        return { status: 201, message: 'Division created', data: presentDivision(view) };
      },
    }),
    route({
      method: 'get', path: '/division', tag, access: 'public',
      summary: 'List divisions (search over name, description)',
      request: { query: listQuerySchema(DIVISION_LIST) },
      response: { list: true },
      async handler({ query }) {
        const { query: listQuery, fields } = toListQuery(query, DIVISION_LIST);
        const page = await listDivisions.execute(listQuery);
        return listReply('Divisions retrieved', { ...page, items: page.items.map(presentDivision) }, fields);
      },
    }),
    route({
      method: 'get', path: '/division/:slug', tag, access: 'public',
      summary: 'One division by slug (or id)',
      request: { params: object({ slug: required(Joi.string().max(140)) }) },
      async handler({ params }) {
        return { message: 'Division retrieved', data: presentDivision(await getDivision.execute(params.slug)) };
      },
    }),
    route({
      method: 'patch', path: '/division/:id', tag, access: ADMINS,
      summary: 'Edit a division; a new `file` replaces the thumbnail (the old one is deleted after commit); slug kept unless `regenerateSlug`',
      request: { params: idParams, body: object({ name, description, regenerateSlug: Joi.boolean() }), files: { field: 'file', max: 1 } },
      async handler({ params, body, files }) {
        const view = await updateDivision.execute(params.id, body, incomingFiles(files)[0] ?? null);
        return { message: 'Division updated', data: presentDivision(view) };
      },
    }),
    route({
      method: 'delete', path: '/division/:id', tag, access: ADMINS,
      summary: 'Delete a division (409 while tours reference it)',
      request: { params: idParams },
      async handler({ params }) {
        await deleteDivision.execute(params.id);
        return { message: 'Division deleted', data: null };
      },
    }),
  ];
}
