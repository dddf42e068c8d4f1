import type { StoredImageReferences } from '../../src/application/ports/StoredImageReferences';

/** The keys records point at, held as a set: `refer` when a record takes a key, `forget` when it drops it. */
export class InMemoryStoredImageReferences implements StoredImageReferences {
  private readonly keys = new Set<string>();
  /** How many keys each `referenced` call was asked about, to see the sweeper batch its questions. */
  readonly asked: number[] = [];

  refer(...keys: string[]): void {
    for (const key of keys) this.keys.add(key);
  }

  forget(key: string): void {
    this.keys.delete(key);
  }

  async referenced(keys: string[]): Promise<Set<string>> {
    this.asked.push(keys.length);
    return new Set(keys.filter((key) => this.keys.has(key)));
  }
}
