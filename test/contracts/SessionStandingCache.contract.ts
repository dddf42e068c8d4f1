import type { SessionStandingCache } from '../../src/application/ports/SessionStandingCache';

export interface SessionStandingCacheSubject {
  cache: SessionStandingCache;
  /** An entry lifetime the test can outlive: a minute on a fake clock, a fraction of a second on Redis. */
  ttlMs: number;
  elapse(ms: number): Promise<void>;
  /** Whether it keeps what it was told in this process (`known` answers), or only elsewhere (`known` is always null). */
  holdsInProcess: boolean;
}

const active = { active: true, role: 'USER' as const };
const revoked = { active: false, role: 'USER' as const };

/** What every SessionStandingCache must do: the fake, the in-process cache and Redis alike. */
export function describeSessionStandingCacheContract(name: string, make: () => Promise<SessionStandingCacheSubject> | SessionStandingCacheSubject): void {
  describe(`SessionStandingCache contract: ${name}`, () => {
    let subject: SessionStandingCacheSubject;
    let cache: SessionStandingCache;
    let n = 0;
    let user: string;
    let session: string;

    beforeEach(async () => {
      subject = await make();
      cache = subject.cache;
      n += 1;
      user = `u-${n}-${Date.now()}`;
      session = `s-${n}-${Date.now()}`;
    });

    test('knows nothing it was not told', async () => {
      expect(await cache.recall(user, session)).toBeNull();
    });

    test('answers what was remembered, for that user and session only', async () => {
      await cache.remember(user, session, { active: true, role: 'ADMIN' }, 60_000);
      expect(await cache.recall(user, session)).toEqual({ active: true, role: 'ADMIN' });
      expect(await cache.recall(`${user}-other`, session)).toBeNull();
      expect(await cache.recall(user, `${session}-other`)).toBeNull();
      await cache.remember(user, session, { active: false, role: null }, 60_000);
      expect(await cache.recall(user, session)).toEqual({ active: false, role: null });
    });

    test('forgets an entry once its time is up', async () => {
      await cache.remember(user, session, active, subject.ttlMs);
      expect(await cache.recall(user, session)).toEqual(active);
      await subject.elapse(subject.ttlMs + 50);
      expect(await cache.recall(user, session)).toBeNull();
    });

    test("forgetting a user drops every one of their sessions and nobody else's", async () => {
      await cache.remember(user, `${session}-a`, active, 60_000);
      await cache.remember(user, `${session}-b`, revoked, 60_000);
      await cache.remember(`${user}-other`, `${session}-c`, active, 60_000);
      await cache.forgetUser(user);
      expect(await cache.recall(user, `${session}-a`)).toBeNull();
      expect(await cache.recall(user, `${session}-b`)).toBeNull();
      expect(await cache.recall(`${user}-other`, `${session}-c`)).toEqual(active);
    });

    test('knows without asking only what it would recall, and only when it holds it in this process', async () => {
      const held = (standing: typeof active | null) => (subject.holdsInProcess ? standing : null);
      expect(cache.known(user, session)).toBeNull();
      await cache.remember(user, session, active, subject.ttlMs);
      expect(cache.known(user, session)).toEqual(held(active));
      expect(cache.known(`${user}-other`, session)).toBeNull();
      expect(cache.known(user, `${session}-other`)).toBeNull();
      await cache.remember(user, session, revoked, subject.ttlMs);
      expect(cache.known(user, session)).toEqual(held(revoked));
      await cache.forgetUser(user);
      expect(cache.known(user, session)).toBeNull();
      await cache.remember(user, session, active, subject.ttlMs);
      await subject.elapse(subject.ttlMs + 50);
      expect(cache.known(user, session)).toBeNull();
      expect(await cache.recall(user, session)).toBeNull();
    });

    test('remembers again after a user was forgotten', async () => {
      await cache.remember(user, session, active, 60_000);
      await cache.forgetUser(user);
      await cache.remember(user, session, revoked, 60_000);
      expect(await cache.recall(user, session)).toEqual(revoked);
    });
  });
}
