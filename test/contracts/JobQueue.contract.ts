import type { JobQueue } from '../../src/application/ports/JobQueue';
import type { JobRecord } from '../../src/application/ports/JobStore';
import type { UnitOfWork } from '../../src/application/ports/UnitOfWork';
import type { FakeClock } from '../fakes/FakeClock';

export interface JobQueueSubject {
  queue: JobQueue;
  uow: UnitOfWork;
  /** The clock the queue stamps jobs with. */
  clock: FakeClock;
  /** The committed jobs of `type`, as the workers' store lists them. */
  jobs(type: string): Promise<JobRecord[]>;
  close(): Promise<void>;
}

/** What every use case that hands work to the workers relies on (the transactional outbox). Each test uses its own job type. */
export function describeJobQueueContract(name: string, make: () => Promise<JobQueueSubject>): void {
  describe(`JobQueue contract: ${name}`, () => {
    let s: JobQueueSubject;
    let n = 0;
    const type = () => `Queued${++n}-${Math.random().toString(36).slice(2, 8)}`;
    const enqueue = (job: Parameters<JobQueue['enqueue']>[0]) => s.uow.run(() => s.queue.enqueue(job));

    beforeAll(async () => {
      s = await make();
    });
    afterAll(async () => {
      await s.close();
    });

    test('a job exists only if the transaction that enqueued it commits', async () => {
      const t = type();
      await expect(s.uow.run(async () => {
        await s.queue.enqueue({ type: t, payload: {} });
        throw new Error('rolled back');
      })).rejects.toThrow('rolled back');
      await enqueue({ type: t, payload: { kept: true } });
      expect((await s.jobs(t)).map((j) => j.payload)).toEqual([{ kept: true }]);
    });

    test('a new job is queued to run now, with the default of 8 attempts, its payload as JSON', async () => {
      const t = type();
      await enqueue({ type: t, payload: { paymentId: 'pay-1', at: new Date('2026-03-01T10:00:00.000Z'), nested: { n: 1 } } });
      expect(await s.jobs(t)).toEqual([expect.objectContaining({
        type: t, status: 'queued', attempts: 0, maxAttempts: 8, runAt: s.clock.now(), dedupeKey: null,
        payload: { paymentId: 'pay-1', at: '2026-03-01T10:00:00.000Z', nested: { n: 1 } },
      })]);
    });

    test('runAt and maxAttempts are kept when given', async () => {
      const t = type();
      const later = new Date(s.clock.now().getTime() + 3_600_000);
      await enqueue({ type: t, payload: {}, runAt: later, maxAttempts: 3 });
      expect(await s.jobs(t)).toEqual([expect.objectContaining({ runAt: later, maxAttempts: 3 })]);
    });

    test('a dedupe key admits one job, the first', async () => {
      const t = type();
      await enqueue({ type: t, payload: { n: 1 }, dedupeKey: `${t}:x` });
      await enqueue({ type: t, payload: { n: 2 }, dedupeKey: `${t}:x` });
      await enqueue({ type: t, payload: { n: 3 }, dedupeKey: `${t}:y` });
      expect((await s.jobs(t)).map((j) => j.payload).sort((a, b) => Number(a.n) - Number(b.n))).toEqual([{ n: 1 }, { n: 3 }]);
    });

    test('transactions racing to enqueue one dedupe key add one job between them', async () => {
      const t = type();
      await Promise.all([1, 2, 3, 4].map((i) => enqueue({ type: t, payload: { i }, dedupeKey: `${t}:once` })));
      expect(await s.jobs(t)).toHaveLength(1);
    });
  });
}
