import { CryptoCodeGenerator } from '../../src/infrastructure/security/CryptoCodeGenerator';
import { SequentialCodes } from '../fakes/SequentialCodes';
import { describeCodeGeneratorContract } from './CodeGenerator.contract';

describeCodeGeneratorContract('SequentialCodes', () => new SequentialCodes());
describeCodeGeneratorContract('CryptoCodeGenerator', () => new CryptoCodeGenerator());

test('CryptoCodeGenerator spreads its codes over the whole range, small ones with their leading zeros', () => {
  const codes = new CryptoCodeGenerator();
  const drawn = Array.from({ length: 20_000 }, () => codes.sixDigits());
  // Each leading digit is expected 2,000 times; a generator stuck on part of the range misses by far more than 25%.
  const byLeadingDigit = new Map<string, number>();
  for (const code of drawn) byLeadingDigit.set(code[0], (byLeadingDigit.get(code[0]) ?? 0) + 1);
  expect([...byLeadingDigit.keys()].sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  for (const count of byLeadingDigit.values()) expect(Math.abs(count - 2_000)).toBeLessThan(500);
  expect(new Set(drawn).size).toBeGreaterThan(19_000);
});
