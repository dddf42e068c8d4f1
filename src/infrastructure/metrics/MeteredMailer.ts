import type { Mailer, OutgoingMail } from '../../application/ports/Mailer';
import type { PrometheusMetrics } from './PrometheusMetrics';

/** Counts every outbound message as sent or failed; delivery itself is the wrapped adapter's. */
export class MeteredMailer implements Mailer {
  constructor(private readonly inner: Mailer, private readonly metrics: PrometheusMetrics) {}

  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    try {
      const result = await this.inner.send(mail);
      this.metrics.mailDeliveries.inc({ result: 'sent' });
      return result;
    } catch (error) {
      this.metrics.mailDeliveries.inc({ result: 'failed' });
      throw error;
    }
  }
}
