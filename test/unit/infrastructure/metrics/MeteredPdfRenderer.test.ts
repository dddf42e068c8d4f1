import type { PdfRenderer } from '../../../../src/application/ports/PdfRenderer';
import { MeteredPdfRenderer } from '../../../../src/infrastructure/metrics/MeteredPdfRenderer';
import { PrometheusMetrics } from '../../../../src/infrastructure/metrics/PrometheusMetrics';

/** A renderer whose renders finish only when the test says so. */
class ControlledRenderer implements PdfRenderer {
  private readonly pending: { resolve(pdf: Buffer): void; reject(e: Error): void }[] = [];

  render(): Promise<Buffer> {
    return new Promise((resolve, reject) => this.pending.push({ resolve, reject }));
  }

  finish(pdf = Buffer.from('%PDF-1.4')): void {
    this.pending.shift()!.resolve(pdf);
  }

  fail(): void {
    this.pending.shift()!.reject(new Error('browser gone'));
  }
}

async function gauge(metrics: PrometheusMetrics, name: 'pdfRendersInFlight' | 'pdfPoolSize'): Promise<number> {
  return (await metrics[name].get()).values[0]?.value ?? 0;
}

async function renders(metrics: PrometheusMetrics, result: string): Promise<number> {
  const { values } = await metrics.pdfRenderDuration.get();
  return values.find((v) => v.metricName === 'pdf_render_duration_seconds_count' && v.labels.result === result)?.value ?? 0;
}

describe('MeteredPdfRenderer', () => {
  it('tracks renders in flight against the pool size and times each by result', async () => {
    const metrics = new PrometheusMetrics({ defaultMetrics: false });
    const inner = new ControlledRenderer();
    const renderer = new MeteredPdfRenderer(inner, metrics, 4);
    expect(await gauge(metrics, 'pdfPoolSize')).toBe(4);

    const first = renderer.render('<p>1</p>');
    const second = renderer.render('<p>2</p>');
    expect(await gauge(metrics, 'pdfRendersInFlight')).toBe(2);

    inner.finish(Buffer.from('%PDF-first'));
    expect((await first).toString()).toBe('%PDF-first');
    expect(await gauge(metrics, 'pdfRendersInFlight')).toBe(1);

    inner.fail();
    await expect(second).rejects.toThrow('browser gone');
    expect(await gauge(metrics, 'pdfRendersInFlight')).toBe(0);
    expect(await renders(metrics, 'ok')).toBe(1);
    expect(await renders(metrics, 'failed')).toBe(1);
  });
});
