import type { Clock } from '../../application/ports/Clock';
import type { DataVersion, PartedDataVersion } from '../../application/ports/DataVersion';

export interface VersionedEntriesLimits {
  /** An entry is reused at most this long even when nothing changed (e.g. image URLs are signed per time window). */
  entryMs: number;
  maxEntries: number;
}

/** The entries valid under the version read when it was opened. */
export interface EntriesView<V> {
  get(key: string): V | undefined;
  /** Kept only while the version the view was opened under is still current. */
  set(key: string, value: V): void;
}

/**
 * Values rendered from a data set, kept per key under the version they were rendered at: once the
 * version moves, every older entry is dropped and never served again. Open a view before rendering,
 * so an entry is stored under a version no newer than its data.
 */
export class VersionedEntries<V> {
  private readonly entries = new Map<string, { value: V; at: number }>();
  private seenVersion = '';

  constructor(private readonly version: DataVersion, private readonly clock: Clock, private readonly limits: VersionedEntriesLimits) {}

  async open(): Promise<EntriesView<V>> {
    return this.viewAt(await this.version.current());
  }

  /** The view `open()` would give, when the version is known without waiting; null otherwise. */
  peek(): EntriesView<V> | null {
    const version = this.version.known();
    return version === null ? null : this.viewAt(version);
  }

  private viewAt(version: string): EntriesView<V> {
    if (version !== this.seenVersion) {
      this.entries.clear();
      this.seenVersion = version;
    }
    const now = this.clock.now().getTime();
    return {
      get: (key) => {
        const entry = this.entries.get(key);
        if (!entry) return undefined;
        if (now - entry.at < this.limits.entryMs) return entry.value;
        this.entries.delete(key);
        return undefined;
      },
      set: (key, value) => {
        if (this.seenVersion !== version) return;
        if (this.entries.size >= this.limits.maxEntries) this.entries.delete(this.entries.keys().next().value!);
        this.entries.set(key, { value, at: now });
      },
    };
  }
}

/** One key's entry as valid under its part's version when opened, and how to keep a value rendered after. */
export interface PartEntryView<V> {
  value: V | undefined;
  keep(value: V): void;
}

/**
 * Values rendered per key from a data set versioned part by part (user profiles by user): an entry
 * is served only while its key's part is at the version the entry was rendered under, so a change
 * under one key drops that part's entries, never all of them. Open before rendering, so an entry is
 * stored under a version no newer than its data.
 */
export class PartedEntries<V> {
  private readonly entries = new Map<string, { value: V; at: number; version: string }>();

  constructor(private readonly version: PartedDataVersion, private readonly clock: Clock, private readonly limits: VersionedEntriesLimits) {}

  async open(key: string): Promise<PartEntryView<V>> {
    return this.viewAt(key, await this.version.currentOf(key));
  }

  /** The value `open(key)` would give, when the version of its part is known without waiting. */
  peek(key: string): V | undefined {
    const version = this.version.knownOf(key);
    return version === null ? undefined : this.viewAt(key, version).value;
  }

  private viewAt(key: string, version: string): PartEntryView<V> {
    const now = this.clock.now().getTime();
    const entry = this.entries.get(key);
    const valid = entry && entry.version === version && now - entry.at < this.limits.entryMs;
    if (entry && !valid) this.entries.delete(key);
    return {
      value: valid ? entry.value : undefined,
      keep: (value) => {
        if (this.entries.size >= this.limits.maxEntries) this.entries.delete(this.entries.keys().next().value!);
        this.entries.set(key, { value, at: now, version });
      },
    };
  }
}
