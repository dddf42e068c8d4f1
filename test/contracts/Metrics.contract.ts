import type { Metrics } from '../../src/application/ports/Metrics';

/** The value of the sample line `name{labels…}` of a Prometheus text exposition (labels in any order), or null when absent. */
function sample(text: string, name: string, labels: Record<string, string>): number | null {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
  return line ? Number(line.split(' ').pop()) : null;
}

/** What every Metrics adapter must do: keep what the HTTP adapter records, and expose it as a Prometheus scraper reads it. */
export function describeMetricsContract(name: string, make: () => Metrics): void {
  describe(`Metrics contract: ${name}`, () => {
    const served = { method: 'GET', route: '/api/v1/tour/:slug', status: 200 };

    test('exposes the Prometheus text format, the request histogram declared', async () => {
      const { contentType, body } = await make().exposition();
      expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(body).toContain('# TYPE http_request_duration_seconds histogram');
    });

    test('counts and sums served requests per method, route pattern and status', async () => {
      const metrics = make();
      metrics.requestServed(served, 0.25);
      metrics.requestServed(served, 0.5);
      metrics.requestServed({ ...served, status: 404 }, 0.125);
      const { body } = await metrics.exposition();
      expect(sample(body, 'http_request_duration_seconds_count', { route: served.route, status: '200' })).toBe(2);
      expect(sample(body, 'http_request_duration_seconds_sum', { route: served.route, status: '200' })).toBeCloseTo(0.75);
      expect(sample(body, 'http_request_duration_seconds_bucket', { le: '+Inf', route: served.route, status: '200' })).toBe(2);
      expect(sample(body, 'http_request_duration_seconds_count', { method: 'GET', route: served.route, status: '404' })).toBe(1);
      expect(sample(body, 'http_request_duration_seconds_count', { method: 'POST', route: served.route })).toBeNull();
    });

    test('a route label is escaped, so a client cannot write lines of its own into the exposition', async () => {
      const metrics = make();
      metrics.requestServed({ ...served, route: 'bad"\nfake_metric 1' }, 0.1);
      const { body } = await metrics.exposition();
      expect(body.split('\n').some((line) => line.startsWith('fake_metric'))).toBe(false);
      expect(body).toContain('route="bad\\"\\nfake_metric 1"');
    });

    test('each adapter starts from nothing', async () => {
      make().requestServed(served, 1);
      expect(sample((await make().exposition()).body, 'http_request_duration_seconds_count', { route: served.route })).toBeNull();
    });
  });
}
