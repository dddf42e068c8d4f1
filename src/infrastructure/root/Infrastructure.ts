import type Redis from 'ioredis';
import type { Logger } from '../../application/ports/Logger';
import type { Config } from '../config/Config';
import type { PrometheusMetrics } from '../metrics/PrometheusMetrics';
import type { Database } from '../persistence/Database';
import type { InProcessBackgroundTasks } from '../system/InProcessBackgroundTasks';
import type { Resources } from './Resources';

/** What the root opens before any port is made: the connections and registries adapters are built on. */
export interface Infrastructure {
  config: Config;
  logger: Logger;
  database: Database;
  /** The shared client, when REDIS_URL is set. */
  redis: Redis | null;
  resources: Resources;
  backgroundTasks: InProcessBackgroundTasks;
  prometheus: PrometheusMetrics;
}
