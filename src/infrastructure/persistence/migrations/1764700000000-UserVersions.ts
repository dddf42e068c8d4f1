import type { MigrationInterface, QueryRunner } from 'typeorm';
import { VERSION_SHARDS } from '../dataVersions';
import { col, createTable } from './schema';

/**
 * The user accounts' version (docs/adr/0015): moved in the same transaction as any change to a user,
 * so a profile rendered under it is never served after the change. Sharded like catalogue_versions.
 */
export class UserVersions1764700000000 implements MigrationInterface {
  name = 'UserVersions1764700000000';

  async up(runner: QueryRunner): Promise<void> {
    await createTable(runner, 'user_versions', [{ ...col.int('shard'), isPrimary: true }, { name: 'version', type: 'bigint', default: 0 }]);
    for (let shard = 0; shard < VERSION_SHARDS; shard++) await runner.query('INSERT INTO user_versions (shard, version) VALUES (?, 0)', [shard]);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('user_versions', true);
  }
}
