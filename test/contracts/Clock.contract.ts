import type { Clock } from '../../src/application/ports/Clock';

/** What use cases rely on from a clock: a real instant each call, theirs to keep, never running backwards. */
export function describeClockContract(name: string, make: () => Clock): void {
  describe(`Clock contract: ${name}`, () => {
    test('answers a valid instant', () => {
      const now = make().now();
      expect(now).toBeInstanceOf(Date);
      expect(Number.isNaN(now.getTime())).toBe(false);
    });

    test('each call is a new Date: a caller changing its copy does not move the clock', () => {
      const clock = make();
      const first = clock.now();
      const kept = first.getTime();
      first.setTime(0);
      expect(clock.now().getTime()).toBeGreaterThanOrEqual(kept);
      expect(clock.now()).not.toBe(clock.now());
    });

    test('successive reads never go backwards', () => {
      const clock = make();
      const reads = Array.from({ length: 200 }, () => clock.now().getTime());
      expect(reads).toEqual([...reads].sort((a, b) => a - b));
    });
  });
}
