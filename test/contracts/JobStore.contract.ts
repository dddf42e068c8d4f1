import type { JobQueue } from '../../src/application/ports/JobQueue';
import type { JobStore } from '../../src/application/ports/JobStore';
import type { UnitOfWork } from '../../src/application/ports/UnitOfWork';
import type { FakeClock } from '../fakes/FakeClock';

export interface JobStoreSubject {
  queue: JobQueue;
  store: JobStore;
  uow: UnitOfWork;
  clock: FakeClock;
  close(): Promise<void>;
}

const LEASE = 60_000;
const DAY = 86_400_000;

/**
 * What every outbox adapter promises the workers (enqueueing is the JobQueue contract's). Each test
 * uses its own job type, so adapters may share a database.
 */
export function describeJobStoreContract(name: string, make: () => Promise<JobStoreSubject>): void {
  describe(`JobStore contract: ${name}`, () => {
    let s: JobStoreSubject;
    let n = 0;
    const type = () => `Test${++n}-${Math.random().toString(36).slice(2, 8)}`;
    const claim = (token: string, limit = 10, now = s.clock.now()) => s.store.claim({ now, leaseMs: LEASE, limit, claimToken: token });
    const enqueue = (job: Parameters<JobQueue['enqueue']>[0]) => s.uow.run(() => s.queue.enqueue(job));
    const ago = (ms: number) => new Date(s.clock.now().getTime() - ms);
    /** A job `{ k }` of type `t` that reached `status` at `at` (claimed then, and failed for good or completed then). */
    const park = async (t: string, k: string, status: 'dead' | 'done' | 'running', at: Date) => {
      await enqueue({ type: t, payload: { k }, runAt: at });
      const [job] = (await claim(`park-${k}`, 100, at)).filter((j) => j.type === t && j.payload.k === k);
      if (status === 'dead') expect(await s.store.fail(job, 'gave up', at, null)).toBe(true);
      if (status === 'done') expect(await s.store.complete(job, at)).toBe(true);
    };
    const left = async (t: string) => (await s.store.list({ type: t, limit: 100 })).map((j) => `${String(j.payload.k)}:${j.status}`).sort();
    const purge = (before: Date, t?: string) => s.uow.run(() => s.store.purgeDead(before, t));

    beforeAll(async () => {
      s = await make();
    });
    afterAll(async () => {
      await s.close();
    });

    test('claiming leases a due job to one caller and counts the attempt; future jobs wait', async () => {
      const t = type();
      await enqueue({ type: t, payload: { a: 1 } });
      await enqueue({ type: t, payload: { a: 2 }, runAt: new Date(s.clock.now().getTime() + 10 * 60_000) });
      const [first, second] = await Promise.all([claim('w1'), claim('w2')]);
      const mine = [...first, ...second].filter((j) => j.type === t);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toEqual(expect.objectContaining({ payload: { a: 1 }, attempts: 1 }));
      expect((await claim('w3')).filter((j) => j.type === t)).toHaveLength(0);
      const [running] = await s.store.list({ type: t, status: 'running', limit: 10 });
      expect(running.leaseUntil!.getTime()).toBe(s.clock.now().getTime() + LEASE);
      await s.store.complete(mine[0], s.clock.now());
    });

    test('a lapsed lease lets another worker take the job; the first can no longer complete it', async () => {
      const t = type();
      await enqueue({ type: t, payload: {} });
      const [job] = (await claim('dead-worker')).filter((j) => j.type === t);
      s.clock.advance(LEASE + 1);
      const [again] = (await claim('live-worker')).filter((j) => j.type === t);
      expect(again).toEqual(expect.objectContaining({ id: job.id, attempts: 2, claimToken: 'live-worker' }));
      expect(await s.store.complete(job, s.clock.now())).toBe(false);
      expect(await s.store.complete(again, s.clock.now())).toBe(true);
      expect((await s.store.list({ type: t, limit: 10 }))[0].status).toBe('done');
      expect((await claim('anyone')).filter((j) => j.type === t)).toHaveLength(0);
    });

    test('a heartbeat renews the lease: past the first lease no other worker takes the job, and its holder completes it', async () => {
      const t = type();
      await enqueue({ type: t, payload: {} });
      const [job] = (await claim('holder')).filter((j) => j.type === t);
      for (let beat = 0; beat < 3; beat++) {
        s.clock.advance(LEASE / 2);
        expect(await s.store.renew(job, s.clock.now(), LEASE)).toBe(true);
        const [running] = await s.store.list({ type: t, status: 'running', limit: 10 });
        expect(running.leaseUntil!.getTime()).toBe(s.clock.now().getTime() + LEASE);
        expect((await claim(`thief-${beat}`)).filter((j) => j.type === t)).toHaveLength(0);
      }
      expect(await s.store.complete(job, s.clock.now())).toBe(true);
      expect((await s.store.list({ type: t, limit: 10 }))[0]).toEqual(expect.objectContaining({ status: 'done', attempts: 1 }));
    });

    test('a heartbeat fails once the job is another worker\'s or settled; a lapsed lease nobody took is still its holder\'s', async () => {
      const t = type();
      await enqueue({ type: t, payload: { n: 1 } });
      await enqueue({ type: t, payload: { n: 2 } });
      const [first, second] = (await claim('slow')).filter((j) => j.type === t);
      s.clock.advance(LEASE + 1);
      // Nobody claimed in between: the late heartbeat keeps the job with its holder.
      expect(await s.store.renew(first, s.clock.now(), LEASE)).toBe(true);
      const [taken] = (await claim('fast')).filter((j) => j.type === t);
      expect(taken).toEqual(expect.objectContaining({ id: second.id, claimToken: 'fast', attempts: 2 }));
      expect(await s.store.renew(second, s.clock.now(), LEASE)).toBe(false);
      expect(await s.store.renew(taken, s.clock.now(), LEASE)).toBe(true);
      expect(await s.store.complete(taken, s.clock.now())).toBe(true);
      expect(await s.store.renew(taken, s.clock.now(), LEASE)).toBe(false);
      expect(await s.store.fail(first, 'boom', s.clock.now(), null)).toBe(true);
      expect(await s.store.renew(first, s.clock.now(), LEASE)).toBe(false);
      const statusOf = async (id: string) => (await s.store.list({ type: t, limit: 10 })).find((j) => j.id === id)?.status;
      expect([await statusOf(first.id), await statusOf(second.id)]).toEqual(['dead', 'done']);
    });

    test('fail with a retry time queues it again then; fail without one parks it dead; retry revives it', async () => {
      const t = type();
      await enqueue({ type: t, payload: {}, maxAttempts: 2 });
      const [job] = (await claim('w')).filter((j) => j.type === t);
      const retryAt = new Date(s.clock.now().getTime() + 5000);
      expect(await s.store.fail(job, 'boom', s.clock.now(), retryAt)).toBe(true);
      expect((await claim('w')).filter((j) => j.type === t)).toHaveLength(0);
      s.clock.advance(5000);
      const [second] = (await claim('w')).filter((j) => j.type === t);
      expect(second.attempts).toBe(2);
      await s.store.fail(second, 'boom again', s.clock.now(), null);
      const [dead] = await s.store.list({ type: t, status: 'dead', limit: 10 });
      expect(dead).toEqual(expect.objectContaining({ lastError: 'boom again', attempts: 2 }));
      expect((await claim('w')).filter((j) => j.type === t)).toHaveLength(0);
      expect(await s.uow.run(() => s.store.retry(dead.id, s.clock.now()))).toBe(true);
      expect(await s.uow.run(() => s.store.retry(dead.id, s.clock.now()))).toBe(false);
      const [revived] = (await claim('w')).filter((j) => j.type === t);
      expect(revived.attempts).toBe(1);
    });

    test('many workers claiming at once never share a job', async () => {
      const t = type();
      for (let i = 0; i < 20; i++) await enqueue({ type: t, payload: { i } });
      // SKIP LOCKED may hand a round fewer jobs than asked (rows another claimer scanned); never a shared one.
      const ids: string[] = [];
      for (let round = 0; round < 10 && ids.length < 20; round++) {
        const batches = await Promise.all(Array.from({ length: 8 }, (_, i) => claim(`w${round}-${i}`, 5)));
        ids.push(...batches.flat().filter((j) => j.type === t).map((j) => j.id));
      }
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(20);
    });

    test('a periodic run is claimed once per interval, whichever worker asks; of racing workers one gets it', async () => {
      const task = type();
      const now = s.clock.now();
      const at = (ms: number) => new Date(now.getTime() + ms);
      expect(await s.store.claimPeriodic(task, now, 30_000)).toBe(true);
      expect(await s.store.claimPeriodic(task, now, 30_000)).toBe(false);
      expect(await s.store.claimPeriodic(task, at(29_999), 30_000)).toBe(false);
      expect(await s.store.claimPeriodic(task, at(30_000), 30_000)).toBe(true);
      // Tasks are apart: another task's run is its own.
      expect(await s.store.claimPeriodic(type(), at(30_000), 30_000)).toBe(true);
      const racing = await Promise.all(Array.from({ length: 8 }, () => s.store.claimPeriodic(task, at(90_000), 30_000)));
      expect(racing.filter(Boolean)).toHaveLength(1);
      const first = type();
      const racingFirst = await Promise.all(Array.from({ length: 8 }, () => s.store.claimPeriodic(first, now, 30_000)));
      expect(racingFirst.filter(Boolean)).toHaveLength(1);
    });

    test('a run given back is claimed again at once; a run started since by another worker is not given back', async () => {
      const task = type();
      const now = s.clock.now();
      const at = (ms: number) => new Date(now.getTime() + ms);
      expect(await s.store.claimPeriodic(task, now, 30_000)).toBe(true);
      await s.store.releasePeriodic(task, now);
      expect(await s.store.claimPeriodic(task, at(1), 30_000)).toBe(true);
      expect(await s.store.claimPeriodic(task, at(2), 30_000)).toBe(false);
      // A stale give-back (the run claimed at `now`, long since replaced) leaves the newer run alone.
      await s.store.releasePeriodic(task, now);
      expect(await s.store.claimPeriodic(task, at(3), 30_000)).toBe(false);
      await s.store.releasePeriodic(type(), now);
    });

    test("a periodic task's mark is when its last complete run started, shared by every worker, and never moves back", async () => {
      const task = type();
      const now = s.clock.now();
      const at = (ms: number) => new Date(now.getTime() + ms);
      expect(await s.store.periodicMark(task)).toBeNull();
      await s.store.markPeriodic(task, at(60_000));
      expect(await s.store.periodicMark(task)).toEqual(at(60_000));
      await s.store.markPeriodic(task, at(30_000));
      expect(await s.store.periodicMark(task)).toEqual(at(60_000));
      // Claiming and giving back runs leaves the mark alone; the mark leaves claims alone.
      expect(await s.store.claimPeriodic(task, at(90_000), 30_000)).toBe(true);
      await s.store.releasePeriodic(task, at(90_000));
      expect(await s.store.periodicMark(task)).toEqual(at(60_000));
      await s.store.markPeriodic(task, at(120_000));
      expect(await s.store.claimPeriodic(task, at(120_001), 30_000)).toBe(true);
      expect(await s.store.periodicMark(task)).toEqual(at(120_000));
      expect(await s.store.periodicMark(type())).toBeNull();
    });

    // These two come last: their claims may also pick up (and keep) due jobs the tests above left behind.
    test('purging deletes the dead jobs of a type that died before the cutoff, leaves everything else, and counts them', async () => {
      const t = type();
      const other = type();
      const cutoff = ago(7 * DAY);
      await park(t, 'dead-old-1', 'dead', ago(30 * DAY));
      await park(t, 'dead-old-2', 'dead', ago(30 * DAY));
      await park(t, 'dead-at-cutoff', 'dead', cutoff);
      await park(t, 'dead-recent', 'dead', ago(DAY));
      await park(t, 'done-old', 'done', ago(30 * DAY));
      await park(other, 'other-dead-old', 'dead', ago(30 * DAY));
      await park(t, 'running-old', 'running', ago(30 * DAY));
      await enqueue({ type: t, payload: { k: 'queued' }, runAt: new Date(s.clock.now().getTime() + 365 * DAY) });

      expect(await purge(cutoff, t)).toBe(2);
      expect(await left(t)).toEqual(['dead-at-cutoff:dead', 'dead-recent:dead', 'done-old:done', 'queued:queued', 'running-old:running']);
      expect(await left(other)).toEqual(['other-dead-old:dead']);
      expect(await purge(cutoff, t)).toBe(0);
    });

    test('purging without a type takes the dead jobs of every type that died before the cutoff', async () => {
      const a = type();
      const b = type();
      // Long before anything the other tests park, so the count is this test's alone.
      const cutoff = ago(300 * DAY);
      await park(a, 'a-dead-ancient', 'dead', ago(400 * DAY));
      await park(b, 'b-dead-ancient', 'dead', ago(400 * DAY));
      await park(a, 'a-dead-later', 'dead', ago(200 * DAY));
      await park(b, 'b-done-ancient', 'done', ago(400 * DAY));

      expect(await purge(cutoff)).toBe(2);
      expect(await left(a)).toEqual(['a-dead-later:dead']);
      expect(await left(b)).toEqual(['b-done-ancient:done']);
    });
  });
}
