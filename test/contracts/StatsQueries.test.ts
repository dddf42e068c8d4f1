import { TypeOrmStatsQueries } from '../../src/infrastructure/persistence/queries/TypeOrmStatsQueries';
import { databaseKinds, openTestDatabase } from '../support/databases';
import { describeStatsQueriesContract } from './StatsQueries.contract';

// Aggregates are the database's work, so there is no fake: use cases over statistics are tested here, on each database.
for (const kind of databaseKinds()) {
  describeStatsQueriesContract(`TypeOrmStatsQueries (${kind})`, async (seed) => {
    const t = await openTestDatabase(kind);
    await seed?.((table, rows) => t.db.manager().createQueryBuilder().insert().into(table).values(rows).execute().then(() => undefined));
    return { stats: new TypeOrmStatsQueries(t.db), close: () => t.close() };
  });
}
