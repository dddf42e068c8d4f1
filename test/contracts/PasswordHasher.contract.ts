import type { PasswordHasher } from '../../src/application/ports/PasswordHasher';

/** Every PasswordHasher adapter must pass this. */
export function describePasswordHasherContract(name: string, makeAdapter: () => PasswordHasher): void {
  describe(`PasswordHasher contract: ${name}`, () => {
    const hasher = makeAdapter();

    it('verifies the password it hashed, and nothing else', async () => {
      const hash = await hasher.hash('Str0ng!pass');
      expect(hash).not.toContain('Str0ng!pass');
      expect(await hasher.verify(hash, 'Str0ng!pass')).toBe(true);
      expect(await hasher.verify(hash, 'str0ng!pass')).toBe(false);
      expect(await hasher.verify(hash, '')).toBe(false);
    });

    it('answers false, not an error, for a malformed stored hash', async () => {
      expect(await hasher.verify('not-a-hash', 'Str0ng!pass')).toBe(false);
      expect(await hasher.verify('', 'Str0ng!pass')).toBe(false);
    });

    it('answers many concurrent checks correctly', async () => {
      const hash = await hasher.hash('Str0ng!pass');
      const outcomes = await Promise.all(Array.from({ length: 8 }, (_, i) => hasher.verify(hash, i % 2 ? 'Str0ng!pass' : 'Wr0ng!pass')));
      expect(outcomes).toEqual([false, true, false, true, false, true, false, true]);
    });
  });
}
