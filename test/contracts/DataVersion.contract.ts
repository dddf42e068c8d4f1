import type { DataVersion } from '../../src/application/ports/DataVersion';

export interface DataVersionUnderTest {
  version: DataVersion;
  /** Commits one change to the data set (a tour saved, a booking taken, a user edited), through this process. */
  change(): Promise<void>;
  /** Starts a change and rolls it back. */
  changeAndRollBack(): Promise<void>;
  /** The version as another process reads it, and how to let its memo lapse (≤ 1 s). */
  otherProcess(): { version: DataVersion; lapse(): void };
}

export function describeDataVersionContract(name: string, make: () => Promise<DataVersionUnderTest>): void {
  describe(`DataVersion contract: ${name}`, () => {
    let s: DataVersionUnderTest;
    beforeEach(async () => {
      s = await make();
    });

    test('stays the same while nothing changes', async () => {
      const first = await s.version.current();
      expect(await s.version.current()).toBe(first);
    });

    test('moves with every committed change, at once in the process that made it', async () => {
      const seen = [await s.version.current()];
      for (let i = 0; i < 3; i++) {
        await s.change();
        seen.push(await s.version.current());
      }
      expect(new Set(seen).size).toBe(4);
    });

    test('a change rolled back leaves it where it was, as stored (read again, no memo)', async () => {
      const other = s.otherProcess();
      const before = await other.version.current();
      await s.changeAndRollBack();
      other.lapse();
      expect(await other.version.current()).toBe(before);
      expect(await s.version.current()).toBe(before);
    });

    test('known() answers as current() would, or null: never a version a change has left behind', async () => {
      const before = await s.version.current();
      expect(s.version.known()).toBe(before);
      await s.change();
      expect(s.version.known()).not.toBe(before);
      const after = await s.version.current();
      expect(s.version.known()).toBe(after);

      const other = s.otherProcess();
      const seen = await other.version.current();
      await s.change();
      other.lapse();
      expect(other.version.known()).not.toBe(seen);
    });

    test('another process sees the change once its memo lapses', async () => {
      const other = s.otherProcess();
      const before = await other.version.current();
      await s.change();
      other.lapse();
      const after = await other.version.current();
      expect(after).not.toBe(before);
      expect(after).toBe(await s.version.current());
    });
  });
}
