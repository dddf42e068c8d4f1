import { MeteredJobStore } from '../../../../src/infrastructure/metrics/MeteredJobStore';
import { PrometheusMetrics } from '../../../../src/infrastructure/metrics/PrometheusMetrics';
import { FakeClock } from '../../../fakes/FakeClock';
import { InMemoryJobStore } from '../../../fakes/InMemoryJobStore';

describe('MeteredJobStore', () => {
  it('counts each failed run by job type and leaves the store behaving as before', async () => {
    const clock = new FakeClock();
    const inner = new InMemoryJobStore(clock);
    const metrics = new PrometheusMetrics({ defaultMetrics: false });
    const store = new MeteredJobStore(inner, metrics);
    await inner.enqueue({ type: 'SendInvoice', payload: { n: 1 }, maxAttempts: 1 });
    await inner.enqueue({ type: 'SendInvoice', payload: { n: 2 } });
    await inner.enqueue({ type: 'SendBookingConfirmation', payload: {} });

    const [first, second, third] = await store.claim({ now: clock.now(), leaseMs: 60_000, limit: 10, claimToken: 'w1' });
    expect(await store.fail(first, 'smtp down', clock.now(), null)).toBe(true);
    expect(await store.fail(second, 'smtp down', clock.now(), new Date(clock.now().getTime() + 5000))).toBe(true);
    expect(await store.complete(third, clock.now())).toBe(true);

    const { values } = await metrics.jobFailures.get();
    expect(values.map((v) => [v.labels.type, v.value])).toEqual([['SendInvoice', 2]]);
    expect((await store.list({ status: 'dead', limit: 10 })).map((j) => j.payload)).toEqual([{ n: 1 }]);
    expect((await store.list({ status: 'queued', limit: 10 })).map((j) => j.payload)).toEqual([{ n: 2 }]);
  });

  it('passes purging dead jobs through without counting anything', async () => {
    const clock = new FakeClock();
    const inner = new InMemoryJobStore(clock);
    const metrics = new PrometheusMetrics({ defaultMetrics: false });
    const store = new MeteredJobStore(inner, metrics);
    await inner.enqueue({ type: 'SendInvoice', payload: { n: 1 }, maxAttempts: 1 });
    await inner.enqueue({ type: 'SendInvoice', payload: { n: 2 } });
    const [dead] = await inner.claim({ now: clock.now(), leaseMs: 60_000, limit: 1, claimToken: 'w1' });
    await inner.fail(dead, 'smtp down', clock.now(), null);
    clock.advance(1);

    expect(await store.purgeDead(clock.now(), 'SendInvoice')).toBe(1);
    expect((await inner.list({ limit: 10 })).map((j) => [j.payload, j.status])).toEqual([[{ n: 2 }, 'queued']]);
    expect((await metrics.jobFailures.get()).values).toEqual([]);
  });
});
