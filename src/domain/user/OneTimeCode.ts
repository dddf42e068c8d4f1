/** The email-verification code policy (DESIGN.md, "One-time codes"). */
export const ONE_TIME_CODE = {
  ttlMs: 5 * 60_000,
  maxWrongTries: 5,
  /** New codes per email: at most five an hour, and one per resend cooldown (configurable, a minute unless set). */
  hourlySendLimit: 5,
  defaultResendCooldownMs: 60_000,
} as const;

const SHAPE = /^\d{6}$/;

/** Anything but exactly six digits can never be a code we sent. */
export function isWellFormedCode(raw: string): boolean {
  return SHAPE.test(raw);
}
