import type { CreatedBetween } from '../ports/PaymentRepository';

/** An unpaid checkout older than this is abandoned: gateways expire their sessions long before. */
export const RECONCILE_LOOKBACK_MS = 3 * 86_400_000;
/**
 * An open refund is asked about for this long: gateways settle refunds within days or weeks, and one
 * still open after a year is a case for an operator and the gateway's support.
 */
export const REFUND_LOOKBACK_MS = 365 * 86_400_000;
/** An attempt is asked about on every run while it is younger than this; after that, each time its age doubles. */
export const RECONCILE_EVERY_RUN_FOR_MS = 60 * 60_000;

/**
 * When the reconciler asks about an open attempt, as the creation times it must have, for the
 * database to select: on every run in the attempt's first hour (when a traveller who paid and closed
 * the tab still holds seats), then on the first run after its age doubles (2 h, 4 h, ... 64 h). An
 * abandoned checkout is asked about under 20 times in the look-back window instead of on every run
 * (864 times at one run per 5 minutes), and a run reads only the attempts it will ask about.
 *
 * `sinceLastRunMs` is how long ago the previous run started; null (the CLI, a worker's first run)
 * makes every open attempt in the window due. The windows come newest first and do not overlap.
 * Refunds follow the same rule over a longer look-back (`REFUND_LOOKBACK_MS`).
 */
export function dueWindows(now: number, olderThanMs: number, sinceLastRunMs: number | null, lookbackMs = RECONCILE_LOOKBACK_MS): CreatedBetween[] {
  const oldest = now - lookbackMs;
  const newest = now - olderThanMs;
  const spans: { from: number; to: number }[] = [];
  if (sinceLastRunMs === null) {
    spans.push({ from: oldest, to: newest });
  } else {
    const since = Math.max(0, sinceLastRunMs);
    // Younger than an hour at the last run; then, for each doubling, an age that crossed it since.
    spans.push({ from: now - RECONCILE_EVERY_RUN_FOR_MS - since + 1, to: now });
    for (let age = 2 * RECONCILE_EVERY_RUN_FOR_MS; age <= lookbackMs; age *= 2) spans.push({ from: now - age - since + 1, to: now - age });
  }
  const windows: { from: number; to: number }[] = [];
  for (const span of spans) {
    const from = Math.max(span.from, oldest);
    const to = Math.min(span.to, newest);
    if (from > to) continue;
    const last = windows.at(-1);
    if (last && to >= last.from - 1) last.from = Math.min(last.from, from);
    else windows.push({ from, to });
  }
  return windows.map(({ from, to }) => ({ from: new Date(from), to: new Date(to) }));
}
