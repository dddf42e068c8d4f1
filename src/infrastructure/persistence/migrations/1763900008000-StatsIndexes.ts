import type { MigrationInterface, QueryRunner} from 'typeorm';
import { TableIndex } from 'typeorm';

/** Indexes behind the admin statistics' GROUP BY and SUM/AVG queries that earlier migrations did not already give. */
export class StatsIndexes1763900008000 implements MigrationInterface {
  name = 'StatsIndexes1763900008000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createIndex('payments', new TableIndex({ name: 'IDX_payments_gateway', columnNames: ['gateway'] }));
    // revenue: SUM/AVG(amount) WHERE status = 'PAID' AND currency = ? reads the index alone
    await runner.createIndex('payments', new TableIndex({ name: 'IDX_payments_status_currency_amount', columnNames: ['status', 'currency', 'amount'] }));
    await runner.createIndex('tours', new TableIndex({ name: 'IDX_tours_currency_costFrom', columnNames: ['currency', 'costFrom'] }));
    await runner.createIndex('users', new TableIndex({ name: 'IDX_users_isDeleted_createdAt', columnNames: ['isDeleted', 'createdAt'] }));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropIndex('users', 'IDX_users_isDeleted_createdAt');
    await runner.dropIndex('tours', 'IDX_tours_currency_costFrom');
    await runner.dropIndex('payments', 'IDX_payments_status_currency_amount');
    await runner.dropIndex('payments', 'IDX_payments_gateway');
  }
}
