import { ValidationFailed } from '../../domain/shared/errors';
import { durationMs } from '../../application/shared/duration';

export interface DurationBounds {
  /** Shown in the error: `7d, 12h or 30m`. */
  examples: string;
  min?: { ms: number; label: string };
  max?: { ms: number; label: string };
}

/** A duration option in the config's format (`7d`, `12h`, `30m`, `45s`, `500ms`) → ms; anything else is exit 2 with one line. */
export function durationOption(option: string, value: string, bounds: DurationBounds): number {
  const ms = durationMs(value.trim());
  if (ms === null) throw ValidationFailed.field(option, `must be a duration like ${bounds.examples} (got "${value}")`);
  if (bounds.max && (!Number.isSafeInteger(ms) || ms > bounds.max.ms)) throw ValidationFailed.field(option, `must be at most ${bounds.max.label}`);
  if (bounds.min && (!Number.isSafeInteger(ms) || ms < bounds.min.ms)) throw ValidationFailed.field(option, `must be at least ${bounds.min.label}`);
  return ms;
}
