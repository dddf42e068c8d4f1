/**
 * What the driving adapters need from the process besides use cases and ports; the composition root
 * hands each in, so nothing here knows the database driver or the logging library.
 */

/** An error as callers should see it: the root's classifier turns a database outage into DependencyUnavailable. */
export type ClassifyFailure = (thrown: unknown) => unknown;

/** Runs `work` as one request: every line it logs, now or in tasks it starts, carries the request id. */
export type RequestScope = <T>(requestId: string, work: () => Promise<T>) => Promise<T>;

/** Registers what the process closes on shutdown; `first` ones (workers draining jobs) close before the rest. */
export interface ShutdownHooks {
  onShutdown(name: string, close: () => Promise<void>, options?: { first?: boolean }): void;
}
