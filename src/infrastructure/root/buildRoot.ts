import path from 'node:path';
import type { HealthCheck } from '../../application/ports/HealthCheck';
import type { Logger } from '../../application/ports/Logger';
import type { Ports } from '../../application/ports/Ports';
import type { UseCases } from '../../application/UseCases';
import type { Config } from '../config/Config';
import { asyncStdout, createPino, PinoLogger } from '../logging/PinoLogger';
import { inRequestScope } from '../logging/requestContext';
import { jobQueueDepth } from '../metrics/jobQueueDepth';
import { PrometheusMetrics } from '../metrics/PrometheusMetrics';
import { createDataSource } from '../persistence/createDataSource';
import { Database } from '../persistence/Database';
import { withDatabaseOutageClassified } from '../persistence/databaseUnavailable';
import { closeRedis, connectRedis, redisHealth } from '../redis/connectRedis';
import type { LocalObjectStorage } from '../storage/LocalObjectStorage';
import { InProcessBackgroundTasks } from '../system/InProcessBackgroundTasks';
import { ensurePrivateDir } from '../system/privateFiles';
import { accountPorts, mailAdapter } from './accountPorts';
import { accountUseCases } from './accountUseCases';
import { adapterNames } from './adapterNames';
import { bookingUseCases } from './bookingUseCases';
import { businessPorts } from './businessPorts';
import { catalogueUseCases } from './catalogueUseCases';
import { corePorts, databaseHealth } from './corePorts';
import type { Infrastructure } from './Infrastructure';
import { invoiceUseCases } from './invoiceUseCases';
import { lazy, replaced } from './lazy';
import { Resources } from './Resources';
import { services } from './services';

/** The ports and use cases the process runs on, and what the entry points hand the driving adapters besides. */
export interface Root {
  config: Config;
  logger: Logger;
  ports: Ports;
  useCases: UseCases;
  /** Which adapter each port got, as logged at start-up. */
  adapters: Record<string, string>;
  resources: Resources;
  database: Database;
  backgroundTasks: InProcessBackgroundTasks;
  /** The embedded object store, whose signed links the app serves under `/files`; null with S3. */
  localFiles: LocalObjectStorage | null;
  /** An error as callers should see it: a database outage becomes DependencyUnavailable (503, exit 7, a job retried). */
  classifyFailure: (thrown: unknown) => unknown;
  /** Runs `work` as one request: every line it logs carries `requestId`. */
  inRequestScope: <T>(requestId: string, work: () => Promise<T>) => Promise<T>;
  close: () => Promise<void>;
}

export interface RootOptions {
  /** Ports taken as given instead of the configured adapters (tests: a fake clock, a capturing logger, a slow renderer). */
  ports?: Partial<Ports>;
  /** Use cases taken as given (benchmarks: a baseline without one step). */
  useCases?: Partial<UseCases>;
}

export async function openDatabase(config: Config): Promise<Database> {
  ensurePrivateDir(config.varDir);
  const dataSource = createDataSource({
    url: config.database.url, sqliteFile: path.join(config.varDir, 'tourdesk.sqlite'), poolSize: config.database.poolSize, busyTimeoutMs: config.database.sqliteBusyTimeoutMs,
  });
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new Error(`the database did not open (${databaseNamed(config)}): ${(error as Error).message}`, { cause: error });
  }
  await dataSource.runMigrations({ transaction: 'each' });
  return new Database(dataSource);
}

/** Which database a start-up failure is about, without its credentials. */
function databaseNamed(config: Config): string {
  if (!config.database.url) return `SQLite ${path.join(config.varDir, 'tourdesk.sqlite')}`;
  // Naming the database must not hide why it did not open: a URL only the driver could read is named by its variable alone.
  if (!URL.canParse(config.database.url)) return 'DATABASE_URL';
  const url = new URL(config.database.url);
  return `DATABASE_URL ${url.protocol}//${url.host}${url.pathname}`;
}

/** What must be open before any port is made; closed again, newest first, if a later step fails. */
async function openInfrastructure(config: Config, logger: Logger, resources: Resources): Promise<Infrastructure> {
  const database = await openDatabase(config);
  resources.onShutdown('database', () => database.close());
  const redis = config.redisUrl ? await connectRedis(config.redisUrl, logger) : null;
  if (redis) resources.onShutdown('redis', () => closeRedis(redis));
  // Drained with the first closers: the mails it is still sending need the SMTP transport, closed later.
  const backgroundTasks = new InProcessBackgroundTasks(logger);
  resources.onShutdown('background tasks', async () => void (await backgroundTasks.drain(config.shutdownTimeoutMs)), { first: true });
  const prometheus = new PrometheusMetrics();
  prometheus.onQueueDepth(jobQueueDepth(database, logger));
  prometheus.onTransactionContention(database.contention);
  return { config, logger, database, redis, resources, backgroundTasks, prometheus };
}

/**
 * The composition root: the one place that decides which adapter serves each port and builds every
 * use case with its ports, in plain typed calls (docs/adr/0011-typed-composition-root.md).
 */
export async function buildRoot(config: Config, options: RootOptions = {}): Promise<Root> {
  const logger = options.ports?.logger ?? new PinoLogger(createPino(config.logLevel, asyncStdout()));
  const resources = new Resources(logger);
  // Whatever opened before a failing step (database, Redis) must not outlive the failure.
  try {
    const infrastructure = await openInfrastructure(config, logger, resources);
    const mail = mailAdapter(infrastructure);
    const business = businessPorts(infrastructure);
    const redis = infrastructure.redis;
    const healthChecks = (ports: Pick<Ports, 'clock'>): HealthCheck[] => [
      databaseHealth(infrastructure),
      ...(mail.health ? [mail.health] : []),
      ...(redis ? [redisHealth(redis)] : []),
      ...[business.storage(ports).health].filter((check): check is HealthCheck => check !== null),
    ];
    const ports = lazy<Ports>(replaced({
      ...corePorts(infrastructure),
      ...accountPorts(infrastructure, mail.mailer),
      ...business.factories,
      healthChecks,
    }, options.ports));
    const shared = lazy(services(config, ports));
    const useCases = lazy<UseCases>(replaced({
      ...accountUseCases(config, ports, shared),
      ...catalogueUseCases(config, ports, shared),
      ...bookingUseCases(config, ports, shared),
      ...invoiceUseCases(config, ports),
    }, options.useCases));

    const adapters = adapterNames(config);
    for (const [port, adapter] of Object.entries(adapters)) logger.info({ port, adapter }, `port ${port}: ${adapter}`);
    if (config.payment.sandboxInProduction) {
      logger.warn({ port: 'paymentGateway', adapter: adapters.paymentGateway }, 'SANDBOX PAYMENT GATEWAY IN PRODUCTION (ALLOW_SANDBOX_IN_PRODUCTION=true): anyone can complete a booking without paying');
    }
    return {
      config, logger, ports, useCases, adapters, resources,
      database: infrastructure.database,
      backgroundTasks: infrastructure.backgroundTasks,
      get localFiles() {
        return business.storage(ports).local;
      },
      classifyFailure: withDatabaseOutageClassified,
      inRequestScope,
      close: () => resources.closeAll(),
    };
  } catch (error) {
    await resources.closeAll();
    throw error;
  }
}
