export interface PasswordResetRecord {
  id: string;
  userId: string;
  tokenHash: string;
  expiresAt: Date;
  createdAt: Date;
}

export interface PasswordResetRepository {
  create(record: PasswordResetRecord): Promise<void>;
  /** Uses the token once: returns its user only if it was unused and unexpired, atomically. */
  consume(tokenHash: string, now: Date): Promise<{ userId: string } | null>;
}
