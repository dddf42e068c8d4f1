import type { RefreshSession } from '../../domain/session/RefreshSession';

export interface SessionRepository {
  create(session: RefreshSession): Promise<void>;
  findByTokenHash(tokenHash: string): Promise<RefreshSession | null>;
  /**
   * Marks the session used only if it was still unused; false when another request
   * rotated it first (the token is then a replay).
   */
  markRotated(id: string, now: Date): Promise<boolean>;
  /** True while the family (a login session) of this user has a refresh token that is neither revoked nor expired. */
  isLive(familyId: string, userId: string, now: Date): Promise<boolean>;
  revokeFamily(familyId: string, now: Date): Promise<void>;
  revokeAllOfUser(userId: string, now: Date, exceptFamilyId?: string): Promise<void>;
}
