import type { CodeGenerator } from '../../src/application/ports/CodeGenerator';

/** What SendVerificationCode relies on: a code a traveller types, six ASCII digits, leading zeros kept. */
export function describeCodeGeneratorContract(name: string, make: () => CodeGenerator): void {
  describe(`CodeGenerator contract: ${name}`, () => {
    test('every code is exactly six ASCII digits', () => {
      const codes = make();
      for (let i = 0; i < 1_000; i++) expect(codes.sixDigits()).toMatch(/^[0-9]{6}$/);
    });

    test('successive codes differ, so a new code replaces the old one', () => {
      const codes = make();
      const drawn = Array.from({ length: 50 }, () => codes.sixDigits());
      expect(new Set(drawn).size).toBeGreaterThan(1);
    });
  });
}
