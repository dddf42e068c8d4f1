import type { Logger } from '../../application/ports/Logger';
import type { Database } from '../persistence/Database';
import type { GaugeSource } from './PrometheusMetrics';

/**
 * Outbox jobs not yet done, by status and type, counted at scrape time (served by the
 * (status, runAt) index). A database hiccup leaves the gauge empty for that scrape
 * instead of failing the whole /metrics answer.
 */
export function jobQueueDepth(db: Database, logger: Logger): GaugeSource {
  return async (set) => {
    try {
      const rows = await db.dataSource
        .createQueryBuilder()
        .from('jobs', 'j')
        .select('j.status', 'status').addSelect('j.type', 'type').addSelect('COUNT(*)', 'n')
        .where("j.status IN ('queued', 'running', 'dead')")
        .groupBy('j.status').addGroupBy('j.type')
        .getRawMany<{ status: string; type: string; n: number | string }>();
      for (const row of rows) set({ status: row.status, type: row.type }, Number(row.n));
    } catch (error) {
      logger.warn({ err: error }, 'job queue depth not measured');
    }
  };
}
