import type { SecretTokens } from '../../src/application/ports/SecretTokens';

/** What refresh and reset tokens rely on: unguessable, URL-safe secrets, stored only as a keyed hash. */
export function describeSecretTokensContract(name: string, make: (key: string) => SecretTokens): void {
  describe(`SecretTokens contract: ${name}`, () => {
    const secrets = make('key-one-key-one-key-one-key-one-key-one');

    test('generates distinct, URL-safe tokens of at least 256 bits', () => {
      const tokens = Array.from({ length: 200 }, () => secrets.generate());
      expect(new Set(tokens).size).toBe(tokens.length);
      for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43,}$/);
    });

    test('hashes the same token to the same 64 hex characters (the token columns), which do not contain the token', () => {
      const token = secrets.generate();
      expect(secrets.hash(token)).toBe(secrets.hash(token));
      expect(secrets.hash(token)).toMatch(/^[0-9a-f]{64}$/);
      expect(secrets.hash(token)).not.toContain(token);
      expect(secrets.hash(secrets.generate())).not.toBe(secrets.hash(token));
    });

    test('the hash is keyed: a leaked table is useless without the key', () => {
      const token = secrets.generate();
      expect(make('key-two-key-two-key-two-key-two-key-two').hash(token)).not.toBe(secrets.hash(token));
    });
  });
}
