import { MeteredMailer } from '../../../../src/infrastructure/metrics/MeteredMailer';
import { PrometheusMetrics } from '../../../../src/infrastructure/metrics/PrometheusMetrics';
import { InMemoryMailer } from '../../../fakes/InMemoryMailer';

const mail = { to: 'a@example.com', subject: 'Hi', html: '<p>Hi</p>', text: 'Hi' };

async function count(metrics: PrometheusMetrics, result: string): Promise<number> {
  const { values } = await metrics.mailDeliveries.get();
  return values.find((v) => v.labels.result === result)?.value ?? 0;
}

describe('MeteredMailer', () => {
  it('counts sent mail and passes the delivery result through', async () => {
    const metrics = new PrometheusMetrics({ defaultMetrics: false });
    const inner = new InMemoryMailer();
    const mailer = new MeteredMailer(inner, metrics);

    const result = await mailer.send(mail);
    await mailer.send(mail);

    expect(result).toEqual({ messageId: '<1@in-memory>' });
    expect(inner.sent).toHaveLength(2);
    expect(await count(metrics, 'sent')).toBe(2);
    expect(await count(metrics, 'failed')).toBe(0);
  });

  it('counts a failed delivery and rethrows the adapter error', async () => {
    const metrics = new PrometheusMetrics({ defaultMetrics: false });
    const inner = new InMemoryMailer();
    inner.fail();
    const mailer = new MeteredMailer(inner, metrics);

    await expect(mailer.send(mail)).rejects.toMatchObject({ code: expect.any(String) });
    expect(await count(metrics, 'failed')).toBe(1);
    expect(await count(metrics, 'sent')).toBe(0);
    expect((await metrics.exposition()).body).toContain('mail_deliveries_total{result="failed"} 1');
  });
});
