import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Metrics, MetricsExposition, ServedRequest } from '../../application/ports/Metrics';
import type { TransactionContention } from '../persistence/transactionRetry';

/** Reads a live number at scrape time (queue depth, pool usage) instead of tracking it on every change. */
export type GaugeSource = (set: (labels: Record<string, string>, value: number) => void) => Promise<void> | void;

/**
 * One prom-client registry per process (per composition root in tests): Node's default process
 * metrics plus TourDesk's own. The HTTP adapter records through the Metrics port, the metered
 * decorators into the series directly; `GET /metrics` renders it.
 */
export class PrometheusMetrics implements Metrics {
  readonly registry = new Registry();

  readonly httpRequestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, matched route pattern and status code',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  private readonly servedBy = new Map<string, ReturnType<Histogram<'method' | 'route' | 'status'>['labels']>>();

  readonly mailDeliveries = new Counter({
    name: 'mail_deliveries_total',
    help: 'Outbound emails by result (sent or failed)',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  readonly pdfRenderDuration = new Histogram({
    name: 'pdf_render_duration_seconds',
    help: 'PDF render duration (including the wait for a free page) by result',
    labelNames: ['result'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
    registers: [this.registry],
  });

  readonly pdfRendersInFlight = new Gauge({
    name: 'pdf_renders_in_flight',
    help: 'PDF renders running or waiting for a page of the browser pool',
    registers: [this.registry],
  });

  readonly pdfPoolSize = new Gauge({
    name: 'pdf_pool_size',
    help: 'Pages the PDF renderer may use at once',
    registers: [this.registry],
  });

  readonly jobFailures = new Counter({
    name: 'job_failures_total',
    help: 'Failed job runs by job type (retried or dead)',
    labelNames: ['type'] as const,
    registers: [this.registry],
  });

  private readonly queueDepthSources: GaugeSource[] = [];
  private contention: TransactionContention | null = null;

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry });
    const sources = this.queueDepthSources;
    new Gauge({
      name: 'job_queue_depth',
      help: 'Jobs in the queue by status and type, counted at scrape time',
      labelNames: ['status', 'type'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const source of sources) await source((labels, value) => this.set(labels, value));
      },
    });
    const read = () => this.contention;
    new Counter({
      name: 'db_transaction_retries_total',
      help: 'Transactions run again after losing a lock race (deadlock, lock-wait timeout, busy SQLite): retried, or exhausted (answered 503)',
      labelNames: ['outcome'] as const,
      registers: [this.registry],
      collect() {
        const contention = read();
        if (!contention) return;
        this.reset();
        this.inc({ outcome: 'retried' }, contention.retried);
        this.inc({ outcome: 'exhausted' }, contention.exhausted);
      },
    });
  }

  /** The database's own count of retried transactions, read at scrape time. */
  onTransactionContention(contention: TransactionContention): void {
    this.contention = contention;
  }

  /** Registers a scrape-time reader of the job queue (e.g. a COUNT … GROUP BY status, type over `jobs`). */
  onQueueDepth(source: GaugeSource): void {
    this.queueDepthSources.push(source);
  }

  requestServed(request: ServedRequest, seconds: number): void {
    // Label children resolved once per (method, route pattern, status): a bounded set.
    const key = `${request.method} ${request.route} ${request.status}`;
    let served = this.servedBy.get(key);
    if (!served) {
      served = this.httpRequestDuration.labels({ method: request.method, route: request.route, status: String(request.status) });
      this.servedBy.set(key, served);
    }
    served.observe(seconds);
  }

  async exposition(): Promise<MetricsExposition> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
