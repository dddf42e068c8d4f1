import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, createTable } from './schema';

export class Accounts1763900000000 implements MigrationInterface {
  name = 'Accounts1763900000000';

  async up(runner: QueryRunner): Promise<void> {
    await createTable(
      runner,
      'users',
      [
        col.id(),
        col.text('name', 120),
        col.text('email', 254),
        col.text('passwordHash', 255, true),
        col.text('phone', 20, true),
        col.text('address', 500, true),
        col.text('picture', 500, true),
        col.text('role', 20),
        col.text('status', 20),
        col.bool('isVerified'),
        col.bool('isDeleted'),
        col.text('googleId', 64, true),
        col.time('createdAt'),
        col.time('updatedAt'),
      ],
      [
        { columns: ['email'], unique: true },
        { columns: ['googleId'], unique: true },
        { columns: ['role'] },
        { columns: ['status'] },
        { columns: ['createdAt'] },
      ],
    );
    await createTable(
      runner,
      'refresh_sessions',
      [col.id(), col.ref('userId'), col.ref('familyId'), col.text('tokenHash', 64), col.time('expiresAt'), col.time('createdAt'), col.time('rotatedAt', true), col.time('revokedAt', true)],
      [{ columns: ['tokenHash'], unique: true }, { columns: ['userId'] }, { columns: ['familyId'] }],
    );
    await createTable(
      runner,
      'password_resets',
      [col.id(), col.ref('userId'), col.text('tokenHash', 64), col.time('expiresAt'), col.time('createdAt'), col.time('usedAt', true)],
      [{ columns: ['tokenHash'], unique: true }, { columns: ['userId'] }],
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('password_resets');
    await runner.dropTable('refresh_sessions');
    await runner.dropTable('users');
  }
}
