import type { MigrationInterface, QueryRunner } from 'typeorm';
import { VERSION_SHARDS } from '../dataVersions';
import { col, createTable } from './schema';

/**
 * The catalogue's version (docs/adr/0015): moved in the same transaction as any change to tours,
 * divisions, tour types or seats. Split over shards so bookings of different tours do not queue on one row.
 */
export class CatalogueVersions1764500000000 implements MigrationInterface {
  name = 'CatalogueVersions1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    await createTable(runner, 'catalogue_versions', [{ ...col.int('shard'), isPrimary: true }, { name: 'version', type: 'bigint', default: 0 }]);
    for (let shard = 0; shard < VERSION_SHARDS; shard++) await runner.query('INSERT INTO catalogue_versions (shard, version) VALUES (?, 0)', [shard]);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('catalogue_versions', true);
  }
}
