import type { PartedDataVersion } from '../../src/application/ports/DataVersion';

/**
 * Counters that test code moves when it changes the data set: the whole set's, and one per key
 * changed under (each key its own part). One process, so no memo to lapse.
 */
export class InMemoryDataVersion implements PartedDataVersion {
  private version = 0;
  /** The last change no key named: part of every key's version. */
  private everyKey = 0;
  private readonly parts = new Map<string, number>();

  /** A change under `key`, or one no key names (which moves every key's version). */
  changed(key?: string): void {
    this.version += 1;
    if (key === undefined) this.everyKey = this.version;
    else this.parts.set(key, this.version);
  }

  async current(): Promise<string> {
    return String(this.version);
  }

  known(): string | null {
    return String(this.version);
  }

  async currentOf(key: string): Promise<string> {
    return this.knownOf(key);
  }

  knownOf(key: string): string {
    return `${this.everyKey}.${this.parts.get(key) ?? 0}`;
  }
}
