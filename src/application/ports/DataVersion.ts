/**
 * Names the current state of a data set (the catalogue: tours, divisions, tour types and seats; the
 * user accounts): it changes with every committed change to it, in this process at once and in
 * every other process within a second. Anything rendered from the data set may be reused while the
 * version it was rendered under is current.
 */
export interface DataVersion {
  current(): Promise<string>;
  /**
   * What `current()` would answer right now without waiting on anything, or null when it has to read
   * first: lets a hot path skip a promise. Never a version `current()` has moved past.
   */
  known(): string | null;
}

/**
 * A data set whose version also moves part by part (the user accounts, parted by user id): what was
 * rendered from one key's data stays valid while the version of its part holds, whatever changed in
 * other parts. A part holds many keys, so a change under one key may move others' versions too.
 */
export interface PartedDataVersion extends DataVersion {
  /** The version of the part `key` is in: moves with every committed change under `key`. */
  currentOf(key: string): Promise<string>;
  /** What `currentOf(key)` would answer right now without waiting, or null; never a version a change under `key` has left behind. */
  knownOf(key: string): string | null;
}
