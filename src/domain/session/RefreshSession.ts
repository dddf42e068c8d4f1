export interface RefreshSessionProps {
  id: string;
  userId: string;
  /** Every rotation of one login shares the family; reuse of an old token revokes all of it. */
  familyId: string;
  tokenHash: string;
  expiresAt: Date;
  createdAt: Date;
  rotatedAt: Date | null;
  revokedAt: Date | null;
}

export type RefreshVerdict = 'usable' | 'expired' | 'revoked' | 'reused';

export class RefreshSession {
  private constructor(private readonly props: RefreshSessionProps) {}

  static start(input: { id: string; userId: string; familyId: string; tokenHash: string; now: Date; ttlMs: number }): RefreshSession {
    return new RefreshSession({
      id: input.id,
      userId: input.userId,
      familyId: input.familyId,
      tokenHash: input.tokenHash,
      createdAt: input.now,
      expiresAt: new Date(input.now.getTime() + input.ttlMs),
      rotatedAt: null,
      revokedAt: null,
    });
  }

  static restore(props: RefreshSessionProps): RefreshSession {
    return new RefreshSession({ ...props });
  }

  get id(): string { return this.props.id; }
  get userId(): string { return this.props.userId; }
  get familyId(): string { return this.props.familyId; }
  get tokenHash(): string { return this.props.tokenHash; }
  get expiresAt(): Date { return this.props.expiresAt; }

  toProps(): RefreshSessionProps {
    return { ...this.props };
  }

  verdict(now: Date): RefreshVerdict {
    if (this.props.revokedAt) return 'revoked';
    if (this.props.rotatedAt) return 'reused';
    if (now.getTime() >= this.props.expiresAt.getTime()) return 'expired';
    return 'usable';
  }
}
