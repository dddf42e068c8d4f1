import { DependencyUnavailable } from '../../../../src/domain/shared/errors';
import { withDatabaseOutageClassified } from '../../../../src/infrastructure/persistence/databaseUnavailable';
import { JobWorker } from '../../../../src/interfaces/worker/JobWorker';
import { FakeClock } from '../../../fakes/FakeClock';
import { InMemoryJobStore } from '../../../fakes/InMemoryJobStore';
import { RecordingLogger } from '../../../fakes/RecordingLogger';
import { paidBookingKit } from '../../application/payments/confirmationKit';

const OPTIONS = { concurrency: 4, leaseMs: 60_000, pollMs: 10, baseBackoffMs: 1000, maxBackoffMs: 8000, outcomeRetryMs: 1, heartbeatMs: 5 };
/** What mysql2 throws when the server refuses the connection. */
const connectionRefused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED', errno: -111, fatal: true });

/** The in-memory outbox with faults to switch on, and a way to wait for the next heartbeat. */
class FaultyJobStore extends InMemoryJobStore {
  outcomeFailures = 0;
  databaseDown = false;
  /** Each failing outcome write also moves the clock on, as a real outage takes time. */
  clockStepPerFailure = 0;
  private renewals: (() => void)[] = [];

  constructor(private readonly fakeClock: FakeClock) {
    super(fakeClock);
  }

  nextRenewal(): Promise<void> {
    return new Promise((resolve) => this.renewals.push(resolve));
  }

  override async renew(...args: Parameters<InMemoryJobStore['renew']>): Promise<boolean> {
    if (this.databaseDown) throw connectionRefused();
    const renewed = await super.renew(...args);
    this.renewals.splice(0).forEach((resolve) => resolve());
    return renewed;
  }

  override async complete(...args: Parameters<InMemoryJobStore['complete']>): Promise<boolean> {
    this.failOutcomeWrite();
    return super.complete(...args);
  }

  override async fail(...args: Parameters<InMemoryJobStore['fail']>): Promise<boolean> {
    this.failOutcomeWrite();
    return super.fail(...args);
  }

  private failOutcomeWrite(): void {
    if (!this.databaseDown && this.outcomeFailures <= 0) return;
    this.outcomeFailures -= 1;
    this.fakeClock.advance(this.clockStepPerFailure);
    throw connectionRefused();
  }
}

function setup(handlers: ConstructorParameters<typeof JobWorker>[1]) {
  const clock = new FakeClock();
  const store = new FaultyJobStore(clock);
  const logger = new RecordingLogger();
  return { clock, store, logger, worker: new JobWorker(store, handlers, clock, logger, withDatabaseOutageClassified, OPTIONS) };
}

describe('JobWorker', () => {
  test('runs each due job with the handler for its type and marks it done', async () => {
    const seen: unknown[] = [];
    const { store, worker } = setup({ Hello: async (p) => void seen.push(p) });
    await store.enqueue({ type: 'Hello', payload: { n: 1 } });
    await store.enqueue({ type: 'Hello', payload: { n: 2 } });
    expect(await worker.drain()).toBe(2);
    expect(seen).toEqual([{ n: 1 }, { n: 2 }]);
    expect((await store.list({ limit: 10 })).map((j) => j.status)).toEqual(['done', 'done']);
  });

  test('retries a failing job with exponential backoff, then parks it dead after maxAttempts', async () => {
    let calls = 0;
    const { clock, store, worker, logger } = setup({ Flaky: async () => { calls += 1; throw new Error(`attempt ${calls} failed`); } });
    await store.enqueue({ type: 'Flaky', payload: {}, maxAttempts: 5 });
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect(await worker.runOnce()).toBe(1);
      const [job] = await store.list({ limit: 1 });
      if (job.status === 'queued') waits.push(job.runAt.getTime() - clock.now().getTime());
      expect(await worker.runOnce()).toBe(0);
      clock.set(job.runAt);
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000]);
    const [dead] = await store.list({ limit: 1 });
    expect(dead).toEqual(expect.objectContaining({ status: 'dead', attempts: 5, lastError: 'attempt 5 failed' }));
    expect(calls).toBe(5);
    expect(logger.at('error').map((e) => e.message)).toEqual(['job dead after its last attempt']);
  });

  test('a job of an unknown type goes dead at once instead of retrying forever', async () => {
    const { store, worker } = setup({});
    await store.enqueue({ type: 'Nobody', payload: {} });
    await worker.runOnce();
    expect((await store.list({ limit: 1 }))[0]).toEqual(expect.objectContaining({ status: 'dead', lastError: 'No handler for job type Nobody' }));
  });

  test('backoff is capped', () => {
    const { worker } = setup({});
    expect([1, 2, 3, 4, 5, 10].map((n) => worker.backoffMs(n))).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
  });

  test('a worker killed mid-job: another picks it up after the lease, and the email goes out exactly once', async () => {
    const { w, mailer, send, user, payment } = await paidBookingKit({ tourTitle: 'Saint Martin island', guests: 2 });
    const handlers = { SendBookingConfirmation: async (p: Record<string, unknown>) => void (await send.execute({ paymentId: String(p.paymentId) })), IssueInvoice: async () => undefined };

    // The first worker claims the job, does the work, and dies before recording completion.
    const [claimed] = (await w.jobs.claim({ now: w.clock.now(), leaseMs: OPTIONS.leaseMs, limit: 10, claimToken: 'doomed' })).filter((j) => j.type === 'SendBookingConfirmation');
    await handlers.SendBookingConfirmation(claimed.payload);

    const survivor = new JobWorker(w.jobs, handlers, w.clock, new RecordingLogger(), withDatabaseOutageClassified, OPTIONS);
    expect(await survivor.drain()).toBe(0); // both jobs are still leased to the dead worker
    w.clock.advance(OPTIONS.leaseMs + 1);
    expect(await survivor.drain()).toBe(2);
    expect(await w.jobs.complete(claimed, w.clock.now())).toBe(false);

    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0].to).toBe(user.email.value);
    expect(mailer.sent[0].subject).toBe('Your booking for Saint Martin island is confirmed');
    expect(mailer.sent[0].text).toContain(payment.amount.format());
    expect(w.jobs.ofType('SendBookingConfirmation')[0]).toEqual(expect.objectContaining({ status: 'done', attempts: 2 }));
  });

  test('the heartbeat renews a running job\'s lease: long past its first lease no other worker can take it', async () => {
    const thefts: number[] = [];
    const { clock, store, worker } = setup({
      Long: async () => {
        for (let beat = 0; beat < 3; beat++) {
          clock.advance(0.6 * OPTIONS.leaseMs);
          await store.nextRenewal();
          thefts.push((await store.claim({ now: clock.now(), leaseMs: OPTIONS.leaseMs, limit: 10, claimToken: `thief-${beat}` })).length);
        }
      },
    });
    await store.enqueue({ type: 'Long', payload: {} });
    expect(await worker.runOnce()).toBe(1);
    expect(thefts).toEqual([0, 0, 0]);
    expect(store.ofType('Long')[0]).toEqual(expect.objectContaining({ status: 'done', attempts: 1 }));
  });

  test('an outcome write that fails is retried while the lease lasts: the job ends done, not running', async () => {
    const { store, worker, logger } = setup({ Quick: async () => undefined });
    await store.enqueue({ type: 'Quick', payload: {} });
    store.outcomeFailures = 2;
    expect(await worker.runOnce()).toBe(1);
    expect(store.ofType('Quick')[0]).toEqual(expect.objectContaining({ status: 'done', attempts: 1 }));
    const retries = logger.at('warn').filter((e) => e.message === 'recording the job outcome failed; retrying while the lease lasts');
    expect(retries).toHaveLength(2);
    expect(retries[0].fields.err).toBeInstanceOf(DependencyUnavailable);
  });

  test('a failure is recorded through a blip too: the job is queued for its retry', async () => {
    const { store, worker } = setup({ Broken: async () => { throw new Error('smtp said no'); } });
    await store.enqueue({ type: 'Broken', payload: {} });
    store.outcomeFailures = 1;
    await worker.runOnce();
    expect(store.ofType('Broken')[0]).toEqual(expect.objectContaining({ status: 'queued', attempts: 1, lastError: 'smtp said no' }));
  });

  test('an outcome the database refuses for a whole lease is given up; after the lease another worker runs the job', async () => {
    let runs = 0;
    const handlers = { Once: async () => void (runs += 1) };
    const { clock, store, worker, logger } = setup(handlers);
    await store.enqueue({ type: 'Once', payload: {} });
    store.databaseDown = true;
    store.clockStepPerFailure = OPTIONS.leaseMs / 4;
    expect(await worker.runOnce()).toBe(1);
    expect(logger.at('error').map((e) => e.message)).toEqual(['job outcome not recorded; the job runs again once its lease lapses']);
    expect(store.ofType('Once')[0]).toEqual(expect.objectContaining({ status: 'running', attempts: 1 }));

    store.databaseDown = false;
    clock.advance(1);
    const other = new JobWorker(store, handlers, clock, new RecordingLogger(), withDatabaseOutageClassified, OPTIONS);
    expect(await other.drain()).toBe(1);
    expect(runs).toBe(2);
    expect(store.ofType('Once')[0]).toEqual(expect.objectContaining({ status: 'done', attempts: 2 }));
  });

  test('the poll loop survives a database outage and runs the job once the database is back', async () => {
    let handled!: () => void;
    const ran = new Promise<void>((resolve) => (handled = resolve));
    const { store, worker, logger } = setup({ Later: async () => handled() });
    await store.enqueue({ type: 'Later', payload: {} });
    const claim = store.claim.bind(store);
    let refusals = 3;
    store.claim = async (input) => {
      if (refusals-- > 0) throw connectionRefused();
      return claim(input);
    };
    worker.start();
    await ran;
    await worker.stop();
    expect(store.ofType('Later')[0].status).toBe('done');
    expect(logger.at('warn').filter((e) => e.message === 'job worker poll failed; polling on')).toHaveLength(3);
    expect(logger.at('error')).toEqual([]);
  });

  test('a periodic run the database cannot claim is skipped with a warning, and runs once the database is back', async () => {
    const { clock, store, worker, logger } = setup({});
    let runs = 0;
    worker.every('ExpireHolds', 20, async () => void (runs += 1));
    const claimPeriodic = store.claimPeriodic.bind(store);
    let refusals = 3;
    store.claimPeriodic = async (...args) => {
      if (refusals-- > 0) throw connectionRefused();
      return claimPeriodic(...args);
    };
    worker.start();
    for (let polls = 0; polls < 200 && runs === 0; polls++) {
      clock.advance(20);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await worker.stop();
    expect(runs).toBeGreaterThan(0);
    expect(logger.at('warn').filter((e) => e.message === 'periodic task failed; polling on')).toHaveLength(3);
    expect(logger.at('error')).toEqual([]);
  });

  test('start() polls in the background and stop() waits for running jobs', async () => {
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    let release!: () => void;
    const { store, worker } = setup({ Slow: () => { started(); return new Promise<void>((resolve) => (release = resolve)); } });
    await store.enqueue({ type: 'Slow', payload: {} });
    worker.start();
    await running;
    let stopped = false;
    const stopping = worker.stop().then(() => (stopped = true));
    // A stop() that did not wait for the job would have resolved within these turns of the event loop.
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect((await store.list({ limit: 1 }))[0].status).toBe('done');
  });

  test('a long periodic task holds up no job and no other task, and never overlaps itself', async () => {
    let release!: () => void;
    const { clock, store, worker } = setup({ Hello: async () => undefined });
    let longRuns = 0;
    let shortRuns = 0;
    worker.every('LongRun', 1, () => {
      longRuns += 1;
      return new Promise<void>((resolve) => (release = resolve));
    }).every('ShortRun', 1, async () => void (shortRuns += 1));
    worker.start();
    await store.enqueue({ type: 'Hello', payload: {} });
    await store.enqueue({ type: 'Hello', payload: {} });
    const settled = async () => shortRuns >= 3 && (await store.list({ limit: 10 })).every((job) => job.status === 'done');
    for (let polls = 0; polls < 200 && !(await settled()); polls++) {
      clock.advance(10);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(await settled()).toBe(true);
    expect(longRuns).toBe(1);
    release();
    await worker.stop();
  });

  test('workers sharing a store run a periodic task once per interval between them', async () => {
    const { clock, store, logger } = setup({});
    const runs: string[] = [];
    // Each worker tries every 50 ms of its own; the shared claim goes by the store's clock, held still here.
    const workers = ['a', 'b', 'c'].map((name) => new JobWorker(store, {}, clock, logger, withDatabaseOutageClassified, OPTIONS)
      .every('ExpireHolds', 50, async () => void runs.push(name)));
    const waitFor = async (count: number) => {
      for (let polls = 0; polls < 200 && runs.length < count; polls++) await new Promise((resolve) => setTimeout(resolve, 10));
    };
    workers.forEach((w) => w.start());
    await waitFor(1);
    // Every worker has tried several times by now; none may run it again within the interval.
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(runs).toHaveLength(1);
    clock.advance(50);
    await waitFor(2);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(runs).toHaveLength(2);
    await Promise.all(workers.map((w) => w.stop()));
  });

  test('stop() tells a periodic task in progress to end, and waits until it has', async () => {
    let sawStop!: () => void;
    const stopSeen = new Promise<void>((resolve) => (sawStop = resolve));
    let finished = false;
    let began!: () => void;
    const running = new Promise<void>((resolve) => (began = resolve));
    const { worker } = setup({});
    worker.every('Reconcile', 60_000, async (stopping) => {
      began();
      await new Promise<void>((resolve) => stopping.addEventListener('abort', () => resolve()));
      sawStop();
      await new Promise((resolve) => setImmediate(resolve));
      finished = true;
    });
    worker.start();
    await running;
    await worker.stop();
    await stopSeen;
    expect(finished).toBe(true);
  });

  test('a run cut short by stop() is given back, so the next worker takes it at once; a run that ended on its own is kept', async () => {
    const { worker, store, clock } = setup({});
    let began!: () => void;
    const running = new Promise<void>((resolve) => (began = resolve));
    let quickRan!: () => void;
    const quickDone = new Promise<void>((resolve) => (quickRan = resolve));
    worker.every('Reconcile', 60_000, async (stopping) => {
      began();
      await new Promise<void>((resolve) => stopping.addEventListener('abort', () => resolve()));
    });
    worker.every('ExpireHolds', 60_000, async () => quickRan());
    worker.start();
    await Promise.all([running, quickDone]);
    await worker.stop();
    expect(await store.claimPeriodic('Reconcile', clock.now(), 60_000)).toBe(true);
    expect(await store.claimPeriodic('ExpireHolds', clock.now(), 60_000)).toBe(false);
  });
});
