import { EntitySchema } from 'typeorm';
import type { PasswordResetRecord } from '../../../application/ports/PasswordResetRepository';

export const PasswordResetEntity = new EntitySchema<PasswordResetRecord & { usedAt: Date | null }>({
  name: 'PasswordReset',
  tableName: 'password_resets',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    userId: { type: 'varchar', length: 36 },
    tokenHash: { type: 'varchar', length: 64, unique: true },
    expiresAt: { type: 'datetime', precision: 3 },
    createdAt: { type: 'datetime', precision: 3 },
    usedAt: { type: 'datetime', precision: 3, nullable: true },
  },
});
