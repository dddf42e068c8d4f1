import type { DataVersion, PartedDataVersion } from '../../src/application/ports/DataVersion';

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

export interface PartedDataVersionUnderTest {
  version: PartedDataVersion;
  /** Commits one change under `key` (the user with that id edited), through this process. */
  changeUnder(key: string): Promise<void>;
  /** Two keys in different parts. */
  keysApart(): [string, string];
  otherProcess(): { version: PartedDataVersion; lapse(): void };
}

export function describePartedDataVersionContract(name: string, make: () => Promise<PartedDataVersionUnderTest>): void {
  describe(`PartedDataVersion contract: ${name}`, () => {
    let s: PartedDataVersionUnderTest;
    let key: string;
    let apart: string;
    beforeEach(async () => {
      s = await make();
      [key, apart] = s.keysApart();
    });

    test("a key's version moves with every change under it, at once here, and stays with changes in other parts", async () => {
      const seen = [await s.version.currentOf(key)];
      expect(await s.version.currentOf(key)).toBe(seen[0]);
      for (let i = 0; i < 3; i++) {
        await s.changeUnder(key);
        seen.push(await s.version.currentOf(key));
      }
      expect(new Set(seen).size).toBe(4);
      const whole = await s.version.current();
      await s.changeUnder(apart);
      expect(await s.version.currentOf(key)).toBe(seen[3]);
      expect(await s.version.current()).not.toBe(whole);
    });

    test("knownOf(key) answers as currentOf(key) would, or null: never a version a change under the key has left behind", async () => {
      const before = await s.version.currentOf(key);
      expect(s.version.knownOf(key)).toBe(before);
      await s.changeUnder(key);
      expect(s.version.knownOf(key)).not.toBe(before);
      const now = await s.version.currentOf(key);
      expect(s.version.knownOf(key)).toBe(now);

      const other = s.otherProcess();
      const seen = await other.version.currentOf(key);
      await s.changeUnder(key);
      other.lapse();
      expect(other.version.knownOf(key)).not.toBe(seen);
      const after = await other.version.currentOf(key);
      expect(after).not.toBe(seen);
      expect(after).toBe(await s.version.currentOf(key));
    });
  });
}
