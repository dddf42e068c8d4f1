import type { Metrics, MetricsExposition, ServedRequest } from '../../src/application/ports/Metrics';

interface Series {
  labels: string;
  count: number;
  sum: number;
}

const escape = (value: string) => value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');

/** Served requests kept in memory and rendered in the Prometheus text format (count, sum and the +Inf bucket of each series). */
export class InMemoryMetrics implements Metrics {
  private readonly series = new Map<string, Series>();

  requestServed(request: ServedRequest, seconds: number): void {
    const labels = `method="${escape(request.method)}",route="${escape(request.route)}",status="${request.status}"`;
    const series = this.series.get(labels) ?? { labels, count: 0, sum: 0 };
    series.count += 1;
    series.sum += seconds;
    this.series.set(labels, series);
  }

  exposition(): Promise<MetricsExposition> {
    const name = 'http_request_duration_seconds';
    const lines = [`# HELP ${name} HTTP request duration by method, matched route pattern and status code`, `# TYPE ${name} histogram`];
    for (const { labels, count, sum } of this.series.values()) {
      lines.push(`${name}_bucket{le="+Inf",${labels}} ${count}`, `${name}_sum{${labels}} ${sum}`, `${name}_count{${labels}} ${count}`);
    }
    return Promise.resolve({ contentType: 'text/plain; version=0.0.4; charset=utf-8', body: `${lines.join('\n')}\n` });
  }
}
