import { SystemClock } from '../../src/infrastructure/system/SystemClock';
import { FakeClock } from '../fakes/FakeClock';
import { describeClockContract } from './Clock.contract';

describeClockContract('FakeClock', () => new FakeClock());
describeClockContract('SystemClock', () => new SystemClock());

test('SystemClock tells the time of this machine', () => {
  const before = Date.now();
  const now = new SystemClock().now().getTime();
  expect(now).toBeGreaterThanOrEqual(before);
  expect(now).toBeLessThanOrEqual(Date.now());
});

test('FakeClock moves only when told', () => {
  const clock = new FakeClock(new Date('2026-03-01T10:00:00.000Z'));
  expect(clock.now().toISOString()).toBe('2026-03-01T10:00:00.000Z');
  clock.advance(90_000);
  expect(clock.now().toISOString()).toBe('2026-03-01T10:01:30.000Z');
  clock.set('2026-04-01T00:00:00.000Z');
  expect(clock.now().toISOString()).toBe('2026-04-01T00:00:00.000Z');
});
