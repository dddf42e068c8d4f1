import type { Clock } from '../ports/Clock';
import type { StatsQueries } from '../ports/StatsQueries';
import type { Breakdown} from './statsFigures';
import { countOf, sumOf, windowsEndingAt } from './statsFigures';

export interface UserStats {
  totalUsers: number;
  totalActiveUsers: number;
  totalInActiveUsers: number;
  totalBlockedUsers: number;
  newUsersInLast7Days: number;
  newUsersInLast30Days: number;
  usersByRole: Breakdown[];
}

export class GetUserStats {
  constructor(private readonly stats: StatsQueries, private readonly clock: Clock) {}

  async execute(): Promise<UserStats> {
    const figures = await this.stats.userFigures(windowsEndingAt(this.clock.now()));
    return {
      totalUsers: sumOf(figures.byStatus),
      totalActiveUsers: countOf(figures.byStatus, 'ACTIVE'),
      totalInActiveUsers: countOf(figures.byStatus, 'INACTIVE'),
      totalBlockedUsers: countOf(figures.byStatus, 'BLOCKED'),
      newUsersInLast7Days: figures.createdInLast7Days,
      newUsersInLast30Days: figures.createdInLast30Days,
      usersByRole: figures.byRole.map((r) => ({ _id: r.key, count: r.count })),
    };
  }
}
