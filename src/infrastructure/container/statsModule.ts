import { ContainerModule } from 'inversify';
import { TOKENS as T } from '../../application/ports/tokens';
import { GetBookingStats } from '../../application/stats/GetBookingStats';
import { GetPaymentStats } from '../../application/stats/GetPaymentStats';
import { GetTourStats } from '../../application/stats/GetTourStats';
import { GetUserStats } from '../../application/stats/GetUserStats';
import { Config } from '../config/Config';
import { Database } from '../persistence/Database';
import { TypeOrmStatsQueries } from '../persistence/queries/TypeOrmStatsQueries';
import { single } from './bindings';

export function statsModule(config: Config): ContainerModule {
  return new ContainerModule(({ bind }) => {
    single(bind, T.StatsQueries, (c) => new TypeOrmStatsQueries(c.get(Database)));
    single(bind, GetUserStats, (c) => new GetUserStats(c.get(T.StatsQueries), c.get(T.Clock)));
    single(bind, GetTourStats, (c) => new GetTourStats(c.get(T.StatsQueries), config.business.currency));
    single(bind, GetBookingStats, (c) => new GetBookingStats(c.get(T.StatsQueries), c.get(T.Clock)));
    single(bind, GetPaymentStats, (c) => new GetPaymentStats(c.get(T.StatsQueries), config.business.currency));
  });
}
