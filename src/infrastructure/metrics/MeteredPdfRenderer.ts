import type { PdfRenderer } from '../../application/ports/PdfRenderer';
import type { PrometheusMetrics } from './PrometheusMetrics';

/** Times every render and tracks how many are in flight against the pool size; wraps any PdfRenderer. */
export class MeteredPdfRenderer implements PdfRenderer {
  constructor(private readonly inner: PdfRenderer, private readonly metrics: PrometheusMetrics, poolSize: number) {
    metrics.pdfPoolSize.set(poolSize);
  }

  async render(html: string): Promise<Buffer> {
    const stop = this.metrics.pdfRenderDuration.startTimer();
    this.metrics.pdfRendersInFlight.inc();
    try {
      const pdf = await this.inner.render(html);
      stop({ result: 'ok' });
      return pdf;
    } catch (error) {
      stop({ result: 'failed' });
      throw error;
    } finally {
      this.metrics.pdfRendersInFlight.dec();
    }
  }
}
