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
