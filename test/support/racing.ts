/**
 * Helpers for contract tests that race two units of work. A database that runs transactions one at
 * a time (SQLite) never lets both be inside at once, so every wait here also ends after `graceMs`:
 * a correct adapter passes whatever the timing, and a broken one gets that long to show itself.
 */
const GRACE_MS = 150;

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** Resolves once `parties` callers are waiting, or after the grace period. */
export function meeting(parties: number, graceMs = GRACE_MS): () => Promise<void> {
  let arrived = 0;
  let open!: () => void;
  const everyone = new Promise<void>((resolve) => (open = resolve));
  return () => {
    arrived += 1;
    if (arrived >= parties) open();
    return Promise.race([everyone, pause(graceMs)]);
  };
}

/** Waits until `other` settles or the grace period passes: room for a racer that is not blocked to run ahead. */
export async function giveWay(other: Promise<unknown>, graceMs = GRACE_MS): Promise<void> {
  await Promise.race([other.then(() => undefined, () => undefined), pause(graceMs)]);
}

/** A promise the test resolves by hand. */
export function gate(): { opened: Promise<void>; open(): void } {
  let open!: () => void;
  return { opened: new Promise<void>((resolve) => (open = resolve)), open };
}

/**
 * Two transactions racing for one row, the first one ahead: `first` runs in a unit of work that
 * stays open once it is done, `second` is started then (from here, so it does not join the first
 * one's transaction) and given the grace period to run ahead; then the first commits.
 */
export async function raceHeldOpen<A, B>(uow: { run<T>(work: () => Promise<T>): Promise<T> }, first: () => Promise<A>, second: () => Promise<B>): Promise<[A, B]> {
  const done = gate();
  const release = gate();
  const one = uow.run(async () => {
    const result = await first();
    done.open();
    await release.opened;
    return result;
  });
  await done.opened;
  const two = second();
  await giveWay(two);
  release.open();
  return [await one, await two];
}
