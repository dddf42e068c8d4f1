export interface PasswordResetRecord {
  id: string;
  userId: string;
  tokenHash: string;
  expiresAt: Date;
  createdAt: Date;
}

export interface PasswordResetRepository {
  create(record: PasswordResetRecord): Promise<void>;
  /** The token's user while it is unused and unexpired, without using it: a cheap check before any costly work. */
  findUsable(tokenHash: string, now: Date): Promise<{ userId: string } | null>;
  /** Makes every unused token of the user unusable (a newer link was sent, or the password was reset). */
  voidAllOfUser(userId: string, now: Date): Promise<void>;
  /** Uses the token once: returns its user only if it was unused and unexpired, atomically. */
  consume(tokenHash: string, now: Date): Promise<{ userId: string } | null>;
}
