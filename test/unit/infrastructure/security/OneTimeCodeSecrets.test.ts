import { CryptoCodeGenerator } from '../../../../src/infrastructure/security/CryptoCodeGenerator';
import { OtpCodeHasher } from '../../../../src/infrastructure/security/OtpCodeHasher';

describe('CryptoCodeGenerator', () => {
  test('always six digits, leading zeros kept, spread over the range', () => {
    const generator = new CryptoCodeGenerator();
    const codes = Array.from({ length: 5000 }, () => generator.sixDigits());
    expect(codes.every((c) => /^\d{6}$/.test(c))).toBe(true);
    expect(new Set(codes).size).toBeGreaterThan(4900);
    expect(codes.some((c) => c.startsWith('0'))).toBe(true);
  });
});

describe('OtpCodeHasher', () => {
  const hasher = new OtpCodeHasher('test-otp-key-0123456789abcdef0123456789abcdef');

  test('binds the code to its email and to the key', () => {
    const hash = hasher.hash('a@example.com', '123456');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain('123456');
    expect(hasher.hash('b@example.com', '123456')).not.toBe(hash);
    expect(new OtpCodeHasher('another-key-0123456789abcdef0123456789abcdef').hash('a@example.com', '123456')).not.toBe(hash);
  });

  test('matches only the same email and code', () => {
    const stored = hasher.hash('a@example.com', '123456');
    expect(hasher.matches(stored, 'a@example.com', '123456')).toBe(true);
    expect(hasher.matches(stored, 'a@example.com', '123457')).toBe(false);
    expect(hasher.matches(stored, 'b@example.com', '123456')).toBe(false);
    expect(hasher.matches('not-hex', 'a@example.com', '123456')).toBe(false);
  });
});
