import type { TestApp} from '../support/testApp';
import { startTestApp } from '../support/testApp';

describe('/openapi.json request and response examples', () => {
  let app: TestApp;
  let doc: Record<string, any>;

  beforeAll(async () => {
    app = await startTestApp();
    doc = (await app.request('GET', '/openapi.json')).body;
  });

  afterAll(async () => {
    await app.stop();
  });

  const operations = () =>
    Object.entries<Record<string, any>>(doc.paths).flatMap(([path, methods]) => Object.entries<Record<string, any>>(methods).map(([method, op]) => ({ path, method, op })));

  it('gives every JSON request body a schema and an example that its own joi validator accepts', () => {
    const withBody = operations().filter(({ op }) => op.requestBody?.content?.['application/json']);
    expect(withBody.length).toBeGreaterThan(10);
    const rejected: string[] = [];
    for (const route of app.server.http.routes) {
      if (!route.request?.body) continue;
      const paths = Array.isArray(route.path) ? route.path : [route.path];
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      const openApiPath = `/api/v1${paths[0]}`.replace(/:(\w+)/g, '{$1}');
      const media = doc.paths[openApiPath][methods[0]].requestBody.content['application/json'];
      expect(media.schema.type).toBe('object');
      const { error } = route.request.body.validate(media.example);
      if (error) rejected.push(`${methods[0]} ${openApiPath}: ${error.message}`);
    }
    expect(rejected).toEqual([]);
  });

  it('shows a whole success envelope as the example wherever the response data has a schema', () => {
    const stats = doc.paths['/api/v1/stats/user'].get.responses['200'].content['application/json'];
    expect(stats.example).toMatchObject({ success: true, statusCode: 200, data: { totalUsers: 120, usersByRole: expect.arrayContaining([{ _id: 'USER', count: 115 }]) } });
    const login = doc.paths['/api/v1/auth/login'].post;
    expect(login.requestBody.content['application/json'].example).toEqual({ email: 'traveller@example.com', password: 'Str0ng!pass' });
    expect(login.security).toEqual([]);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.schemas.Error.properties.errorSources.type).toBe('array');
  });
});
