import type { ReconcileInput, ReconcileReport } from '../../../../src/application/payments/ReconcilePayments';
import { reconcilerRuns, RECONCILE_PAYMENTS_PER_RUN } from '../../../../src/interfaces/worker/startWorker';
import { DependencyUnavailable } from '../../../../src/domain/shared/errors';
import { FakeClock } from '../../../fakes/FakeClock';
import { InMemoryJobStore } from '../../../fakes/InMemoryJobStore';

const report = (over: Partial<ReconcileReport>): ReconcileReport => ({
  more: false, checked: 0, settled: [], open: 0, failed: [], skipped: 0, refunds: { checked: 0, settled: [], failed: [], skipped: 0 }, ...over,
});

describe("the worker's reconciler runs", () => {
  test('pass when the last complete run started, whichever worker ran it; a run cut short by the gateway or a stop, among attempts or refunds, leaves the mark', async () => {
    const clock = new FakeClock(new Date('2026-12-02T10:00:00Z'));
    const store = new InMemoryJobStore(clock);
    const inputs: ReconcileInput[] = [];
    const answers = [
      report({ checked: 3 }),
      report({ more: true, checked: 500 }),
      report({ checked: 1, failed: [{ transactionId: 'T', error: 'down' }], skipped: 1 }),
      report({ checked: 1, skipped: 4 }),
      report({ refunds: { checked: 1, settled: [], failed: [{ refundId: 'R', error: 'down' }], skipped: 0 } }),
      report({ refunds: { checked: 1, settled: [], failed: [], skipped: 2 } }),
      report({}),
      report({}),
    ];
    const reported: ReconcileReport[] = [];
    const reconcile = { execute: async (input: ReconcileInput) => (inputs.push(input), answers[inputs.length - 1]) };
    // Two workers, taking the runs in turn: the mark is the store's, not either worker's.
    const workers = [reconcilerRuns(reconcile, clock, store, (r) => void reported.push(r)), reconcilerRuns(reconcile, clock, store, (r) => void reported.push(r))];

    const stopping = new AbortController().signal;
    for (let i = 0; i < answers.length; i++) {
      await workers[i % 2](stopping);
      clock.advance(5 * 60_000);
    }
    expect(inputs.map((input) => input.previousRunAt?.toISOString() ?? null)).toEqual([
      null, // the very first run asks about every open attempt
      '2026-12-02T10:00:00.000Z', // the other worker goes on from the first one's run
      '2026-12-02T10:05:00.000Z', // the limit cut the second run short: its oldest due attempts wait for their next doubling
      '2026-12-02T10:05:00.000Z', // the gateway cut the third short: the next run covers its span too
      '2026-12-02T10:05:00.000Z', // the fourth was stopped (a deploy): the next worker covers its span too
      '2026-12-02T10:05:00.000Z', // the fifth could not ask about a refund
      '2026-12-02T10:05:00.000Z', // the sixth was stopped among the refunds
      '2026-12-02T10:30:00.000Z',
    ]);
    expect(inputs.every((input) => input.limit === RECONCILE_PAYMENTS_PER_RUN && input.stopping === stopping)).toBe(true);
    expect(reported).toEqual(answers);
  });

  test('a mark the database refuses after a complete run: the run is still reported, and the next run covers its span', async () => {
    const clock = new FakeClock(new Date('2026-12-02T10:00:00Z'));
    const store = new InMemoryJobStore(clock);
    await store.markPeriodic('ReconcilePayments', new Date('2026-12-02T09:55:00Z'));
    const inputs: ReconcileInput[] = [];
    const reported: ReconcileReport[] = [];
    const settledOne = report({ checked: 1, settled: [{ transactionId: 'T', paymentId: 'P', outcome: 'PAID', message: 'paid' }] });
    const run = reconcilerRuns({ execute: async (input) => (inputs.push(input), settledOne) }, clock, {
      periodicMark: (task) => store.periodicMark(task),
      markPeriodic: async () => { throw new DependencyUnavailable('database'); },
    }, (r) => void reported.push(r));
    await expect(run(new AbortController().signal)).rejects.toBeInstanceOf(DependencyUnavailable);
    expect(reported).toEqual([settledOne]);
    clock.advance(5 * 60_000);
    await run(new AbortController().signal).catch(() => undefined);
    expect(inputs.map((input) => input.previousRunAt?.toISOString())).toEqual(['2026-12-02T09:55:00.000Z', '2026-12-02T09:55:00.000Z']);
  });
});
