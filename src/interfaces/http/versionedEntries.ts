import type { Clock } from '../../application/ports/Clock';
import type { DataVersion } from '../../application/ports/DataVersion';

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
