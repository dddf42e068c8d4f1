import { DependencyUnavailable } from '../../src/domain/shared/errors';
import { MemoryRateLimiter } from '../../src/infrastructure/memory/MemoryRateLimiter';
import { IoredisRateLimiter } from '../../src/infrastructure/redis/IoredisRateLimiter';
import { closeRedis, connectRedis } from '../../src/infrastructure/redis/connectRedis';
import { FakeClock } from '../fakes/FakeClock';
import { RecordingLogger } from '../fakes/RecordingLogger';
import { describeIf, realService } from '../support/services';
import { freePort } from '../support/freePort';
import { useTestRedis } from '../support/redis';
import { describeRateLimiterContract } from './RateLimiter.contract';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describeRateLimiterContract('memory (fake clock)', () => {
  const clock = new FakeClock();
  return { limiter: new MemoryRateLimiter(clock), windowMs: 60_000, elapse: async (ms) => clock.advance(ms) };
});

describeIf(realService('redis'), 'RateLimiter (redis)', () => {
  const { redis, prefix } = useTestRedis();

  describeRateLimiterContract('redis', () => ({ limiter: new IoredisRateLimiter(redis(), prefix), windowMs: 400, elapse: sleep }));

  test('one namespaced counter per key, expiring with its window', async () => {
    await new IoredisRateLimiter(redis(), prefix).hit('ttl-check', 5, 60_000);
    const ttl = await redis().pttl(`${prefix}rate:ttl-check`);
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  test('an unreachable Redis is DependencyUnavailable', async () => {
    const dead = await connectRedis(`redis://127.0.0.1:${await freePort()}`, new RecordingLogger(), 100);
    try {
      await expect(new IoredisRateLimiter(dead, prefix).hit('down', 1, 60_000)).rejects.toBeInstanceOf(DependencyUnavailable);
    } finally {
      await closeRedis(dead);
    }
  });
});
