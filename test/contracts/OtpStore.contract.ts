import type { OtpStore } from '../../src/application/ports/OtpStore';

export interface OtpStoreSubject {
  store: OtpStore;
  /** A TTL the test can outlive: the real 5 minutes on a fake clock, a fraction of a second on Redis. */
  shortTtlMs: number;
  /** Lets `ms` pass for the store (advances a fake clock, or sleeps). */
  elapse(ms: number): Promise<void>;
}

const LONG_TTL_MS = 5 * 60_000;
const MAX_TRIES = 5;

/** What every OtpStore must do, run against the in-process store and Redis alike. */
export function describeOtpStoreContract(name: string, make: () => Promise<OtpStoreSubject> | OtpStoreSubject): void {
  describe(`OtpStore contract: ${name}`, () => {
    let subject: OtpStoreSubject;
    let store: OtpStore;
    let n = 0;
    /** A fresh email per test so adapters sharing a server never see each other's codes. */
    let email: string;

    beforeEach(async () => {
      subject = await make();
      store = subject.store;
      n += 1;
      email = `traveller${n}-${Date.now()}@example.com`;
    });

    test('the right code verifies once, then it is gone', async () => {
      await store.save(email, '123456', LONG_TTL_MS);
      expect(await store.verify(email, '123456', MAX_TRIES)).toBe('verified');
      expect(await store.verify(email, '123456', MAX_TRIES)).toBe('absent');
    });

    test('a wrong guess counts a try but leaves the code usable', async () => {
      await store.save(email, '123456', LONG_TTL_MS);
      expect(await store.verify(email, '654321', MAX_TRIES)).toBe('wrong');
      expect(await store.verify(email, '123456', MAX_TRIES)).toBe('verified');
    });

    test('the fifth wrong guess burns the code, and the right one is refused afterwards', async () => {
      await store.save(email, '123456', LONG_TTL_MS);
      const verdicts = [];
      for (const guess of ['000001', '000002', '000003', '000004', '000005']) verdicts.push(await store.verify(email, guess, MAX_TRIES));
      expect(verdicts).toEqual(['wrong', 'wrong', 'wrong', 'wrong', 'burned']);
      expect(await store.verify(email, '123456', MAX_TRIES)).toBe('absent');
    });

    test('an email with no code has nothing to verify', async () => {
      expect(await store.verify(email, '123456', MAX_TRIES)).toBe('absent');
    });

    test('a code saved for one email never verifies another', async () => {
      const other = `other-${email}`;
      await store.save(email, '111111', LONG_TTL_MS);
      await store.save(other, '222222', LONG_TTL_MS);
      expect(await store.verify(other, '111111', MAX_TRIES)).toBe('wrong');
      expect(await store.verify(`third-${email}`, '111111', MAX_TRIES)).toBe('absent');
      expect(await store.verify(email, '111111', MAX_TRIES)).toBe('verified');
      expect(await store.verify(other, '222222', MAX_TRIES)).toBe('verified');
    });

    test('a new code replaces the old one and starts with a full set of tries', async () => {
      await store.save(email, '111111', LONG_TTL_MS);
      for (let i = 0; i < 3; i++) await store.verify(email, '999999', MAX_TRIES);
      await store.save(email, '222222', LONG_TTL_MS);
      expect(await store.verify(email, '111111', MAX_TRIES)).toBe('wrong');
      for (let i = 0; i < 3; i++) expect(await store.verify(email, '999999', MAX_TRIES)).toBe('wrong');
      expect(await store.verify(email, '222222', MAX_TRIES)).toBe('verified');
    });

    test('a code expires after its TTL', async () => {
      await store.save(email, '123456', subject.shortTtlMs);
      await subject.elapse(subject.shortTtlMs + 50);
      expect(await store.verify(email, '123456', MAX_TRIES)).toBe('absent');
    });

    test('20 concurrent verifies with the right code: exactly one succeeds', async () => {
      await store.save(email, '123456', LONG_TTL_MS);
      const verdicts = await Promise.all(Array.from({ length: 20 }, () => store.verify(email, '123456', MAX_TRIES)));
      expect(verdicts.filter((v) => v === 'verified')).toHaveLength(1);
      expect(verdicts.filter((v) => v === 'absent')).toHaveLength(19);
    });

    test('20 concurrent wrong guesses: at most 5 tries are counted and the code is burned', async () => {
      await store.save(email, '123456', LONG_TTL_MS);
      const guesses = Array.from({ length: 20 }, (_, i) => String(100000 + i));
      const verdicts = await Promise.all(guesses.map((g) => store.verify(email, g, MAX_TRIES)));
      expect(verdicts.filter((v) => v === 'wrong')).toHaveLength(MAX_TRIES - 1);
      expect(verdicts.filter((v) => v === 'burned')).toHaveLength(1);
      expect(verdicts.filter((v) => v === 'absent')).toHaveLength(20 - MAX_TRIES);
      expect(await store.verify(email, '123456', MAX_TRIES)).toBe('absent');
    });
  });
}
