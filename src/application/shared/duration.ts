const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** A duration as configuration and the admin CLI write it (`500ms`, `45s`, `30m`, `12h`, `7d`) in ms; null when it is not one. */
export function durationMs(value: string): number | null {
  const match = /^(\d+)(ms|s|m|h|d)$/.exec(value);
  return match ? Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS] : null;
}
