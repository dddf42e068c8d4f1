import { dueWindows, RECONCILE_EVERY_RUN_FOR_MS, RECONCILE_LOOKBACK_MS, REFUND_LOOKBACK_MS } from '../../../../src/application/payments/reconcileBackoff';

const MINUTE = 60_000;
const NOW = Date.parse('2026-12-02T12:00:00.000Z');

/** The rule as ADR 0007 states it: every run in the first hour, then once each time the age doubles. */
function dueByDoubling(ageMs: number, sinceLastRunMs: number): boolean {
  const ageAtLastRun = ageMs - sinceLastRunMs;
  if (ageAtLastRun < RECONCILE_EVERY_RUN_FOR_MS) return true;
  const doublings = (age: number) => Math.floor(Math.log2(age / RECONCILE_EVERY_RUN_FOR_MS));
  return doublings(ageMs) > doublings(ageAtLastRun);
}

const isDue = (ageMs: number, sinceLastRunMs: number | null, olderThanMs = 0) =>
  dueWindows(NOW, olderThanMs, sinceLastRunMs).some(({ from, to }) => NOW - ageMs >= from.getTime() && NOW - ageMs <= to.getTime());

/** A small deterministic generator, so a failure names the same case on every run. */
function* randomCases(count: number): Generator<[number, number]> {
  let seed = 20261202;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < count; i++) yield [Math.floor(next() * RECONCILE_LOOKBACK_MS), Math.floor(next() ** 3 * 80 * 60 * MINUTE)];
}

describe('when the reconciler asks about an open attempt (dueWindows)', () => {
  test.each([
    [20, 5, true], [60, 5, true], [64, 5, true], [66, 5, false], [119, 5, false], [121, 5, true], [126, 5, false],
    [241, 5, true], [64 * 60 + 1, 5, true], [64 * 60 + 6, 5, false], [3 * 24 * 60 - 1, 5, false], [300, 200, true],
  ])('an attempt %p min old, %p min after the last run, is due: %p', (ageMinutes, sinceMinutes, due) => {
    expect(isDue(ageMinutes * MINUTE, sinceMinutes * MINUTE)).toBe(due);
  });

  test('selects exactly the attempts the doubling rule makes due, at the millisecond and across random ages and gaps', () => {
    const boundaries = [1, 2, 4, 8, 16, 32, 64].flatMap((hours) => [-1, 0, 1].map((ms) => hours * RECONCILE_EVERY_RUN_FOR_MS + ms));
    const cases: [number, number][] = [...boundaries.flatMap((age) => [[age, 5 * MINUTE], [age + 5 * MINUTE, 5 * MINUTE]] as [number, number][]), ...randomCases(20_000)];
    const disagreements = cases.filter(([age, since]) => isDue(age, since) !== dueByDoubling(age, since));
    expect(disagreements).toEqual([]);
  });

  test('without a previous run, every attempt between the look-back and `olderThan` is due, both ends included', () => {
    expect(dueWindows(NOW, 10 * MINUTE, null)).toEqual([{ from: new Date(NOW - RECONCILE_LOOKBACK_MS), to: new Date(NOW - 10 * MINUTE) }]);
    expect([isDue(RECONCILE_LOOKBACK_MS, null), isDue(RECONCILE_LOOKBACK_MS + 1, null), isDue(10 * MINUTE, null, 10 * MINUTE), isDue(10 * MINUTE - 1, null, 10 * MINUTE)]).toEqual([true, false, true, false]);
  });

  test('windows come newest first, apart, and inside the look-back and `olderThan`', () => {
    for (const since of [0, 5 * MINUTE, 3 * 60 * MINUTE, 40 * 60 * MINUTE, 100 * 60 * MINUTE]) {
      const windows = dueWindows(NOW, 10 * MINUTE, since).map(({ from, to }) => [from.getTime(), to.getTime()]);
      for (const [i, [from, to]] of windows.entries()) {
        expect(from).toBeLessThanOrEqual(to);
        expect(from).toBeGreaterThanOrEqual(NOW - RECONCILE_LOOKBACK_MS);
        expect(to).toBeLessThanOrEqual(NOW - 10 * MINUTE);
        if (i > 0) expect(to).toBeLessThan(windows[i - 1][0] - 1);
      }
    }
    // A gap longer than the look-back makes the whole window due again, as one span.
    expect(dueWindows(NOW, 10 * MINUTE, 100 * 60 * MINUTE)).toEqual(dueWindows(NOW, 10 * MINUTE, null));
  });

  test('an abandoned checkout is asked about on each run of its first hour and then six times, not on every run', () => {
    const created = NOW;
    let asked = 0;
    for (let run = created + 5 * MINUTE; run <= created + RECONCILE_LOOKBACK_MS + 10 * MINUTE; run += 5 * MINUTE) {
      if (dueWindows(run, 10 * MINUTE, 5 * MINUTE).some(({ from, to }) => created >= from.getTime() && created <= to.getTime())) asked += 1;
    }
    // Runs at 10, 15, ... 60 min old (11), then the runs at 2, 4, 8, 16, 32 and 64 h.
    expect(asked).toBe(11 + 6);
  });

  test('an open refund follows the same rule over a year: asked on the doublings past 3 days, never after a year', () => {
    const created = NOW;
    const askedAt: number[] = [];
    for (let run = created + 5 * MINUTE; run <= created + REFUND_LOOKBACK_MS + 60 * MINUTE; run += 5 * MINUTE) {
      if (dueWindows(run, 10 * MINUTE, 5 * MINUTE, REFUND_LOOKBACK_MS).some(({ from, to }) => created >= from.getTime() && created <= to.getTime())) askedAt.push(run - created);
    }
    const hours = askedAt.slice(11).map((age) => Math.floor(age / (60 * MINUTE)));
    // 11 runs in the first hour, then 2 h, 4 h, ... 8,192 h (341 days); 16,384 h is past the year.
    expect(hours).toEqual([2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192]);
    expect(askedAt).toHaveLength(11 + 13);
  });
});
