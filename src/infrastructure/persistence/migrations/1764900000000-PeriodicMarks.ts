import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TableColumn } from 'typeorm';
import { col } from './schema';

/** When the last complete run of each periodic task started: the reconciler's mark, shared by every worker. */
export class PeriodicMarks1764900000000 implements MigrationInterface {
  name = 'PeriodicMarks1764900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumn('periodic_runs', new TableColumn(col.time('markedAt', true)));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropColumn('periodic_runs', 'markedAt');
  }
}
