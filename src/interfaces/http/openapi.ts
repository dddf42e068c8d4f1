import type { JsonSchema } from './jsonSchema';
import { jsonSchemaOf } from './jsonSchema';
import { API_PREFIX } from './mountRoutes';
import { exampleOf } from './openapiExamples';
import type { RouteDef } from './route';
import { asList } from './route';

/** The OpenAPI 3 document `/openapi.json` serves. */
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
  [field: string]: unknown;
}

const envelope = (data: object = {}) => ({
  type: 'object',
  properties: { success: { type: 'boolean' }, statusCode: { type: 'integer' }, message: { type: 'string' }, data, meta: { $ref: '#/components/schemas/ListMeta' } },
});

/** The success envelope around `data`, with an example of the whole answer when `data` has a schema. */
function successContent(data: JsonSchema | undefined, status: number) {
  const schema = envelope(data ?? {});
  if (!data) return { schema };
  return { schema, example: { success: true, statusCode: status, message: 'Done', data: exampleOf(data) } };
}

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

/** OpenAPI 3 built from the same route definitions and joi schemas that serve and validate requests. */
export function buildOpenApi(routes: RouteDef[], info: { title: string; version: string; serverUrl: string }): OpenApiDocument {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    for (const rawPath of asList(route.path)) {
      const path = `${API_PREFIX}${rawPath}`.replace(/:(\w+)/g, '{$1}');
      for (const method of asList(route.method)) {
        const req = route.request ?? {};
        const parameters = [
          ...Object.entries(req.params ? (jsonSchemaOf(req.params).properties ?? {}) : {}).map(([name, schema]) => ({ name, in: 'path', required: true, schema })),
          ...Object.entries(req.query ? (jsonSchemaOf(req.query).properties ?? {}) : {}).map(([name, schema]) => ({ name, in: 'query', schema })),
          ...(rawPath.match(/:(\w+)/g) ?? []).filter(() => !req.params).map((p) => ({ name: p.slice(1), in: 'path', required: true, schema: { type: 'string' } })),
        ];
        const bodySchema = req.body ? jsonSchemaOf(req.body) : undefined;
        const requestBody = bodySchema
          ? {
              content: {
                'application/json': { schema: bodySchema, example: exampleOf(bodySchema) },
                ...(req.files
                  ? { 'multipart/form-data': { schema: { type: 'object', properties: { data: { type: 'string', description: 'the JSON body as a string' }, [req.files.field]: req.files.max > 1 ? { type: 'array', items: { type: 'string', format: 'binary' } } : { type: 'string', format: 'binary' } } } } }
                  : {}),
              },
            }
          : undefined;
        const status = String(route.response?.status ?? 200);
        const responseContent = route.response?.contentType
          ? { [route.response.contentType]: { schema: { type: 'string', format: 'binary' } } }
          : { 'application/json': successContent(route.response?.data ? jsonSchemaOf(route.response.data) : undefined, Number(status)) };
        paths[path] ??= {};
        paths[path][method] = {
          tags: [route.tag],
          summary: route.summary,
          operationId: `${method}_${path.replace(/[^\w]+/g, '_')}`,
          ...(route.access === 'public' ? { security: [] } : route.access === 'optional' ? { security: [{}, { bearerAuth: [] }] } : {}),
          ...(Array.isArray(route.access) ? { description: `Roles: ${route.access.join(', ')}` } : {}),
          parameters,
          ...(requestBody ? { requestBody } : {}),
          responses: {
            [status]: { description: route.response?.description ?? 'Success', content: responseContent },
            '400': errorResponse('Invalid input; errorSources names each field'),
            ...(route.access !== 'public' && route.access !== 'optional' ? { '401': errorResponse('Not logged in or token expired'), '403': errorResponse('Not permitted') } : {}),
            '429': errorResponse('Rate limited; see Retry-After'),
            '500': errorResponse('Unexpected error'),
            '503': errorResponse('A service it needs (database, Redis, ...) is unavailable; retry after Retry-After seconds'),
          },
        };
      }
    }
  }
  return {
    openapi: '3.0.3',
    info: { title: info.title, version: info.version, description: 'TourDesk REST API. Every response uses the success or error envelope.' },
    servers: [{ url: info.serverUrl }],
    security: [{ bearerAuth: [] }, { cookieAuth: [] }],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        cookieAuth: { type: 'apiKey', in: 'cookie', name: 'accessToken' },
      },
      schemas: {
        ListMeta: { type: 'object', properties: { page: { type: 'integer' }, limit: { type: 'integer' }, total: { type: 'integer' }, totalPage: { type: 'integer' } } },
        Error: {
          type: 'object',
          properties: {
            success: { type: 'boolean', example: false },
            statusCode: { type: 'integer', example: 400 },
            message: { type: 'string', example: 'Validation failed: guestCount must be a positive integer' },
            errorSources: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
            requestId: { type: 'string' },
          },
        },
      },
    },
  };
}
