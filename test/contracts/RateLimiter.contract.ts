import type { RateLimiter } from '../../src/application/ports/RateLimiter';

export interface RateLimiterSubject {
  limiter: RateLimiter;
  /** A window the test can outlive: a minute on a fake clock, a fraction of a second on Redis. */
  windowMs: number;
  elapse(ms: number): Promise<void>;
}

/** What every RateLimiter must do, run against the in-process limiter and Redis alike. */
export function describeRateLimiterContract(name: string, make: () => Promise<RateLimiterSubject> | RateLimiterSubject): void {
  describe(`RateLimiter contract: ${name}`, () => {
    let subject: RateLimiterSubject;
    let limiter: RateLimiter;
    let key: string;
    let n = 0;

    beforeEach(async () => {
      subject = await make();
      limiter = subject.limiter;
      n += 1;
      key = `contract:${n}:${Date.now()}`;
    });

    test('allows `limit` hits in a window, then refuses with the seconds left', async () => {
      const windowMs = 60_000;
      for (let i = 0; i < 3; i++) expect(await limiter.hit(key, 3, windowMs)).toEqual({ allowed: true });
      const refused = await limiter.hit(key, 3, windowMs);
      expect(refused.allowed).toBe(false);
      const retry = refused.allowed ? 0 : refused.retryAfterSeconds;
      expect(retry).toBeGreaterThanOrEqual(59);
      expect(retry).toBeLessThanOrEqual(60);
    });

    test('keys count separately', async () => {
      expect(await limiter.hit(`${key}:a`, 1, 60_000)).toEqual({ allowed: true });
      expect(await limiter.hit(`${key}:b`, 1, 60_000)).toEqual({ allowed: true });
      expect((await limiter.hit(`${key}:a`, 1, 60_000)).allowed).toBe(false);
    });

    test('a new window starts once the old one has passed', async () => {
      expect(await limiter.hit(key, 1, subject.windowMs)).toEqual({ allowed: true });
      expect((await limiter.hit(key, 1, subject.windowMs)).allowed).toBe(false);
      await subject.elapse(subject.windowMs + 50);
      expect(await limiter.hit(key, 1, subject.windowMs)).toEqual({ allowed: true });
    });

    test('refused hits do not stretch the window', async () => {
      await limiter.hit(key, 1, subject.windowMs);
      await subject.elapse(subject.windowMs / 2);
      expect((await limiter.hit(key, 1, subject.windowMs)).allowed).toBe(false);
      await subject.elapse(subject.windowMs / 2 + 50);
      expect(await limiter.hit(key, 1, subject.windowMs)).toEqual({ allowed: true });
    });

    test('peeks without counting: refused once the window holds `limit` hits, with the seconds left', async () => {
      expect(await limiter.peek(key, 2)).toEqual({ allowed: true });
      await limiter.hit(key, 2, 60_000);
      expect(await limiter.peek(key, 2)).toEqual({ allowed: true });
      await limiter.hit(key, 2, 60_000);
      const peeked = await limiter.peek(key, 2);
      expect(peeked.allowed).toBe(false);
      expect(peeked.allowed ? 0 : peeked.retryAfterSeconds).toBeGreaterThanOrEqual(59);
      expect((await limiter.hit(key, 2, 60_000)).allowed).toBe(false);
    });

    test('a reset forgets the hits of the window', async () => {
      await limiter.hit(key, 1, 60_000);
      expect((await limiter.peek(key, 1)).allowed).toBe(false);
      await limiter.reset(key);
      expect(await limiter.peek(key, 1)).toEqual({ allowed: true });
      expect(await limiter.hit(key, 1, 60_000)).toEqual({ allowed: true });
    });

    test('a peek after the window passed is allowed', async () => {
      await limiter.hit(key, 1, subject.windowMs);
      await subject.elapse(subject.windowMs + 50);
      expect(await limiter.peek(key, 1)).toEqual({ allowed: true });
    });

    test('20 concurrent hits against a limit of 5: exactly 5 pass', async () => {
      const decisions = await Promise.all(Array.from({ length: 20 }, () => limiter.hit(key, 5, 60_000)));
      expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
    });
  });
}
