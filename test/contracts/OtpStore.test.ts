import { DependencyUnavailable } from '../../src/domain/shared/errors';
import { MemoryOtpStore } from '../../src/infrastructure/memory/MemoryOtpStore';
import { IoredisOtpStore } from '../../src/infrastructure/redis/IoredisOtpStore';
import { closeRedis, connectRedis } from '../../src/infrastructure/redis/connectRedis';
import { OtpCodeHasher } from '../../src/infrastructure/security/OtpCodeHasher';
import { FakeClock } from '../fakes/FakeClock';
import { RecordingLogger } from '../fakes/RecordingLogger';
import { describeIf, realService } from '../support/services';
import { freePort } from '../support/freePort';
import { useTestRedis } from '../support/redis';
import { describeOtpStoreContract } from './OtpStore.contract';

const hasher = new OtpCodeHasher('test-otp-key-0123456789abcdef0123456789abcdef');
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describeOtpStoreContract('memory (fake clock)', () => {
  const clock = new FakeClock();
  return { store: new MemoryOtpStore(clock, hasher), shortTtlMs: 5 * 60_000, elapse: async (ms) => clock.advance(ms) };
});

test('memory: a code is still good a millisecond before its TTL', async () => {
  const clock = new FakeClock();
  const store = new MemoryOtpStore(clock, hasher);
  await store.save('a@example.com', '123456', 5 * 60_000);
  clock.advance(5 * 60_000 - 1);
  expect(await store.verify('a@example.com', '123456', 5)).toBe('verified');
});

describeIf(realService('redis'), 'OtpStore (redis)', () => {
  const { redis, prefix } = useTestRedis();

  describeOtpStoreContract('redis', () => ({ store: new IoredisOtpStore(redis(), hasher, prefix), shortTtlMs: 300, elapse: sleep }));

  test('keeps only a keyed hash under a namespaced key that expires with the code', async () => {
    await new IoredisOtpStore(redis(), hasher, prefix).save('keys@example.com', '123456', 5 * 60_000);
    const key = `${prefix}otp:keys@example.com`;
    const stored = await redis().hgetall(key);
    expect(stored).toEqual({ hash: hasher.hash('keys@example.com', '123456'), tries: '0' });
    expect(JSON.stringify(stored)).not.toContain('123456');
    const ttl = await redis().pttl(key);
    expect(ttl).toBeGreaterThan(4 * 60_000);
    expect(ttl).toBeLessThanOrEqual(5 * 60_000);
  });

  test('an unreachable Redis is DependencyUnavailable, at once', async () => {
    const dead = await connectRedis(`redis://127.0.0.1:${await freePort()}`, new RecordingLogger(), 100);
    try {
      const store = new IoredisOtpStore(dead, hasher, prefix);
      const started = Date.now();
      await expect(store.save('down@example.com', '123456', 60_000)).rejects.toBeInstanceOf(DependencyUnavailable);
      await expect(store.verify('down@example.com', '123456', 5)).rejects.toMatchObject({ dependency: 'redis' });
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      await closeRedis(dead);
    }
  });
});
