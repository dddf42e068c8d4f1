import { MeteredJobStore } from '../../src/infrastructure/metrics/MeteredJobStore';
import { MeteredMailer } from '../../src/infrastructure/metrics/MeteredMailer';
import { MeteredPdfRenderer } from '../../src/infrastructure/metrics/MeteredPdfRenderer';
import { lockConflict } from '../fakes/InMemoryUnitOfWork';
import type { TestApp} from '../support/testApp';
import { startTestApp } from '../support/testApp';

/** The value of one sample line of a Prometheus text exposition, or 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
  return line ? Number(line.split(' ').pop()) : 0;
}

describe('GET /metrics', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.stop();
  });

  it('serves Prometheus text with default process metrics and our own series', async () => {
    const res = await app.request('GET', '/metrics');

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(res.body).toContain('# TYPE process_cpu_user_seconds_total counter');
    expect(res.body).toContain('# TYPE http_request_duration_seconds histogram');
    expect(res.body).toContain('# TYPE mail_deliveries_total counter');
    expect(res.body).toContain('# TYPE pdf_render_duration_seconds histogram');
    expect(res.body).toContain('# TYPE job_queue_depth gauge');
    expect(res.body).toContain('# TYPE job_failures_total counter');
  });

  it('records request durations by method, matched route pattern and status, never the raw URL', async () => {
    await app.request('GET', '/health');
    await app.request('GET', '/ready');
    await app.request('GET', '/ready');
    await app.request('GET', '/api/v1/user/some-user-id-123');
    await app.request('GET', '/no/such/path-xyz');

    const { body } = await app.request('GET', '/metrics');

    expect(sample(body, 'http_request_duration_seconds_count', { method: 'GET', route: '/ready', status: '200' })).toBe(2);
    // Liveness probes are answered ahead of the metrics middleware.
    expect(body).not.toContain('route="/health"');
    expect(sample(body, 'http_request_duration_seconds_count', { method: 'GET', route: '/api/v1/user/:id', status: '401' })).toBe(1);
    expect(sample(body, 'http_request_duration_seconds_count', { method: 'GET', route: 'unmatched', status: '404' })).toBe(1);
    expect(body).not.toContain('some-user-id-123');
    expect(body).not.toContain('path-xyz');
  });

  it('counts outbound mail as sent when a message goes out', async () => {
    const scrape = async () => sample((await app.request('GET', '/metrics')).body, 'mail_deliveries_total', { result: 'sent' });
    const email = 'metrics.mail@example.com';
    const registered = await app.request('POST', '/api/v1/user/register', { body: { name: 'Mia Metrics', email, password: 'Secr3t#Tour1' } });
    expect(registered.status).toBe(201);
    const mailsBefore = (await app.mails()).length; // settles the verification mail first
    const countedBefore = await scrape();

    const forgot = await app.request('POST', '/api/v1/auth/forgot-password', { body: { email } });

    expect(forgot.status).toBe(200);
    expect((await app.mails()).length - mailsBefore).toBe(1);
    expect((await scrape()) - countedBefore).toBe(1);
    expect(sample((await app.request('GET', '/metrics')).body, 'mail_deliveries_total', { result: 'failed' })).toBe(0);
  });

  it('reports the job queue depth by status and type at scrape time, and job failures by type', async () => {
    const { ports } = app.server.root;
    const queue = ports.jobQueue;
    const later = new Date(Date.now() + 3_600_000);
    await queue.enqueue({ type: 'MetricsProbe', payload: { n: 1 }, runAt: later });
    await queue.enqueue({ type: 'MetricsProbe', payload: { n: 2 }, runAt: later });
    await queue.enqueue({ type: 'OtherProbe', payload: {}, runAt: later, maxAttempts: 1 });

    let body = (await app.request('GET', '/metrics')).body;
    expect(sample(body, 'job_queue_depth', { status: 'queued', type: 'MetricsProbe' })).toBe(2);
    expect(sample(body, 'job_queue_depth', { status: 'queued', type: 'OtherProbe' })).toBe(1);

    const store = ports.jobStore;
    const claimed = await store.claim({ now: new Date(later.getTime() + 1000), leaseMs: 60_000, limit: 10, claimToken: 'metrics-test' });
    const other = claimed.find((j) => j.type === 'OtherProbe')!;
    await store.fail(other, 'probe failed', new Date(later.getTime() + 2000), null);

    body = (await app.request('GET', '/metrics')).body;
    expect(sample(body, 'job_failures_total', { type: 'OtherProbe' })).toBe(1);
    expect(sample(body, 'job_queue_depth', { status: 'dead', type: 'OtherProbe' })).toBe(1);
    expect(sample(body, 'job_queue_depth', { status: 'running', type: 'MetricsProbe' })).toBe(2);
    expect(sample(body, 'job_queue_depth', { status: 'queued', type: 'MetricsProbe' })).toBe(0);
  });

  it('counts transactions run again after a lost lock race, read from the database at scrape time', async () => {
    const db = app.server.root.database;
    const scrape = async () => sample((await app.request('GET', '/metrics')).body, 'db_transaction_retries_total', { outcome: 'retried' });
    const before = await scrape();
    let runs = 0;
    await db.transaction(async () => {
      runs += 1;
      if (runs < 3) throw lockConflict();
    });
    expect((await scrape()) - before).toBe(2);
    expect(sample((await app.request('GET', '/metrics')).body, 'db_transaction_retries_total', { outcome: 'exhausted' })).toBe(0);
  });

  it('wraps whatever adapter serves Mailer, PdfRenderer and JobStore in its metered decorator', () => {
    const { ports } = app.server.root;
    expect(ports.mailer).toBeInstanceOf(MeteredMailer);
    expect(ports.pdfRenderer).toBeInstanceOf(MeteredPdfRenderer);
    expect(ports.jobStore).toBeInstanceOf(MeteredJobStore);
  });
});
