import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, createTable } from './schema';

/** When each periodic task last started, so that several workers run it once per interval between them. */
export class PeriodicRuns1764800000000 implements MigrationInterface {
  name = 'PeriodicRuns1764800000000';

  async up(runner: QueryRunner): Promise<void> {
    await createTable(runner, 'periodic_runs', [{ ...col.text('task', 64), isPrimary: true }, col.time('startedAt')]);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('periodic_runs', true);
  }
}
