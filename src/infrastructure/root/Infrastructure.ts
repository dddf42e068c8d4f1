import type Redis from 'ioredis';
import { Logger } from '../../application/ports/Logger';
import { Config } from '../config/Config';
import { PrometheusMetrics } from '../metrics/PrometheusMetrics';
import { Database } from '../persistence/Database';
import { InProcessBackgroundTasks } from '../system/InProcessBackgroundTasks';
import { Resources } from './Resources';

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
