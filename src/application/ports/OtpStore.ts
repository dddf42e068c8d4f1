/**
 * - `verified`: the code matched; it is gone now.
 * - `wrong`: it did not match; one try was counted.
 * - `burned`: it did not match and that was the last try; the code is gone.
 * - `absent`: no live code for this email (never sent, expired, used or burned).
 */
export type OtpVerdict = 'verified' | 'wrong' | 'burned' | 'absent';

/** One pending verification code per email, kept only as a keyed hash. */
export interface OtpStore {
  /** Replaces any earlier code of `email`; the new one lives `ttlMs`. */
  save(email: string, code: string, ttlMs: number): Promise<void>;
  /** Checks and updates in one atomic step, so concurrent guesses cannot exceed `maxTries`. */
  verify(email: string, code: string, maxTries: number): Promise<OtpVerdict>;
}
