import { HmacSecretTokens } from '../../../../src/infrastructure/security/HmacSecretTokens';

describe('HmacSecretTokens', () => {
  const secrets = new HmacSecretTokens('key-one-key-one-key-one-key-one-key-one');

  it('generates unguessable, URL-safe tokens of 256 bits', () => {
    const tokens = Array.from({ length: 100 }, () => secrets.generate());
    expect(new Set(tokens).size).toBe(100);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('hashes deterministically under its key, to 64 hex characters that fit the token columns', () => {
    const token = secrets.generate();
    expect(secrets.hash(token)).toBe(secrets.hash(token));
    expect(secrets.hash(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(secrets.hash(token)).not.toBe(new HmacSecretTokens('key-two-key-two-key-two-key-two-key-two').hash(token));
    expect(secrets.hash(token)).not.toContain(token);
  });
});
