import { DependencyUnavailable } from '../../src/domain/shared/errors';
import { MemoizedSessionStandingCache } from '../../src/infrastructure/memory/MemoizedSessionStandingCache';
import { MemorySessionStandingCache } from '../../src/infrastructure/memory/MemorySessionStandingCache';
import { IoredisSessionStandingCache } from '../../src/infrastructure/redis/IoredisSessionStandingCache';
import { closeRedis, connectRedis } from '../../src/infrastructure/redis/connectRedis';
import { FakeClock } from '../fakes/FakeClock';
import { InMemorySessionStandingCache } from '../fakes/InMemorySessionStandingCache';
import { RecordingLogger } from '../fakes/RecordingLogger';
import { useTestRedis } from '../support/redis';
import { describeIf, realService } from '../support/services';
import { freePort } from '../support/freePort';
import { describeSessionStandingCacheContract } from './SessionStandingCache.contract';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describeSessionStandingCacheContract('fake', () => {
  const clock = new FakeClock();
  return { cache: new InMemorySessionStandingCache(clock), ttlMs: 60_000, elapse: async (ms) => clock.advance(ms), holdsInProcess: true };
});

describeSessionStandingCacheContract('memory (fake clock)', () => {
  const clock = new FakeClock();
  return { cache: new MemorySessionStandingCache(clock), ttlMs: 60_000, elapse: async (ms) => clock.advance(ms), holdsInProcess: true };
});

describeSessionStandingCacheContract('memo in front of memory', () => {
  const clock = new FakeClock();
  return { cache: new MemoizedSessionStandingCache(new MemorySessionStandingCache(clock), clock, 1_000), ttlMs: 60_000, elapse: async (ms) => clock.advance(ms), holdsInProcess: true };
});

describe('MemoizedSessionStandingCache', () => {
  test("another process's forgetting reaches this one within the memo time", async () => {
    const clock = new FakeClock();
    const shared = new MemorySessionStandingCache(clock);
    const here = new MemoizedSessionStandingCache(shared, clock, 1_000);
    const elsewhere = new MemoizedSessionStandingCache(shared, clock, 1_000);
    await here.remember('u', 's', { active: true, role: 'USER' }, 60_000);
    await elsewhere.forgetUser('u');
    expect(await here.recall('u', 's')).toEqual({ active: true, role: 'USER' });
    clock.advance(1_000);
    expect(await here.recall('u', 's')).toBeNull();
  });

  test('with the shared cache unreachable, a standing remembered from the database is kept for the memo time all the same', async () => {
    const clock = new FakeClock();
    const shared = new MemorySessionStandingCache(clock);
    const away = async () => { throw new DependencyUnavailable('redis'); };
    Object.assign(shared, { recall: away, remember: away });
    const here = new MemoizedSessionStandingCache(shared, clock, 1_000);
    await expect(here.remember('u', 's', { active: true, role: 'USER' }, 3_000)).rejects.toBeInstanceOf(DependencyUnavailable);
    expect(await here.recall('u', 's')).toEqual({ active: true, role: 'USER' });
    clock.advance(999);
    expect(await here.recall('u', 's')).toEqual({ active: true, role: 'USER' });
    clock.advance(1);
    await expect(here.recall('u', 's')).rejects.toBeInstanceOf(DependencyUnavailable);
    await here.remember('u', 's', { active: true, role: 'USER' }, 3_000).catch(() => undefined);
    await here.forgetUser('u');
    await expect(here.recall('u', 's')).rejects.toBeInstanceOf(DependencyUnavailable);
  });

  test('with the shared cache unreachable, forgetting still drops the memo and succeeds; recalling reports the outage', async () => {
    const clock = new FakeClock();
    const shared = new MemorySessionStandingCache(clock);
    const here = new MemoizedSessionStandingCache(shared, clock, 1_000);
    await here.remember('u', 's', { active: true, role: 'USER' }, 60_000);
    const away = async () => { throw new DependencyUnavailable('redis'); };
    Object.assign(shared, { forgetUser: away, recall: away });
    await expect(here.forgetUser('u')).resolves.toBeUndefined();
    await expect(here.recall('u', 's')).rejects.toBeInstanceOf(DependencyUnavailable);
    Object.assign(shared, { forgetUser: async () => { throw new TypeError('a bug'); } });
    await expect(here.forgetUser('u')).rejects.toThrow('a bug');
  });
});

describeIf(realService('redis'), 'SessionStandingCache (redis)', () => {
  const { redis, prefix } = useTestRedis();

  describeSessionStandingCacheContract('redis', () => ({ cache: new IoredisSessionStandingCache(redis(), prefix), ttlMs: 300, elapse: sleep, holdsInProcess: false }));
  describeSessionStandingCacheContract('memo in front of redis', () => {
    const clock = new FakeClock();
    return { cache: new MemoizedSessionStandingCache(new IoredisSessionStandingCache(redis(), prefix), clock, 1_000), ttlMs: 300, elapse: async (ms) => (clock.advance(ms), sleep(ms)), holdsInProcess: true };
  });

  test('an unreachable Redis is DependencyUnavailable', async () => {
    const dead = await connectRedis(`redis://127.0.0.1:${await freePort()}`, new RecordingLogger(), 100);
    try {
      await expect(new IoredisSessionStandingCache(dead, prefix).recall('u', 's')).rejects.toBeInstanceOf(DependencyUnavailable);
    } finally {
      await closeRedis(dead);
    }
  });
});
