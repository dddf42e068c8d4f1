import type { IdGenerator } from '../../src/application/ports/IdGenerator';

/** What every id source promises the records it names: unique, and fit for the id columns and URLs. */
export function describeIdGeneratorContract(name: string, make: () => IdGenerator): void {
  describe(`IdGenerator contract: ${name}`, () => {
    test('never hands out the same id twice', () => {
      const ids = make();
      const issued = Array.from({ length: 5_000 }, () => ids.next());
      expect(new Set(issued).size).toBe(issued.length);
    });

    test('ids fit the 36-character id columns and a URL path segment as they are', () => {
      const ids = make();
      for (let i = 0; i < 100; i++) expect(ids.next()).toMatch(/^[A-Za-z0-9_-]{1,36}$/);
    });
  });
}
