import { EntitySchema } from 'typeorm';
import type { RefreshSessionProps } from '../../../domain/session/RefreshSession';

export const RefreshSessionEntity = new EntitySchema<RefreshSessionProps>({
  name: 'RefreshSession',
  tableName: 'refresh_sessions',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    userId: { type: 'varchar', length: 36 },
    familyId: { type: 'varchar', length: 36 },
    tokenHash: { type: 'varchar', length: 64, unique: true },
    expiresAt: { type: 'datetime', precision: 3 },
    createdAt: { type: 'datetime', precision: 3 },
    rotatedAt: { type: 'datetime', precision: 3, nullable: true },
    revokedAt: { type: 'datetime', precision: 3, nullable: true },
  },
});
