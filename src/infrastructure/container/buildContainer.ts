import path from 'node:path';
import { Container, ContainerModule } from 'inversify';
import { Config } from '../config/Config';
import { createPino, PinoLogger } from '../logging/PinoLogger';
import { Database } from '../persistence/Database';
import { ensurePrivateDir } from '../system/privateFiles';
import { createDataSource } from '../persistence/createDataSource';
import { accountsModule } from './accountsModule';
import { bookingModule, paymentGatewayName } from './bookingModule';
import { catalogueModule } from './catalogueModule';
import { coreModule } from './coreModule';
import { googleSignInAdapterName, googleSignInModule } from './googleSignInModule';
import { invoiceModule, pdfAdapterName } from './invoiceModule';
import { mailModule } from './mailModule';
import { metricsModule } from './metricsModule';
import { statsModule } from './statsModule';
import { Resources } from './Resources';
import { storageAdapterName, storageModule } from './storageModule';
import { verificationAdapters, verificationModule } from './verificationModule';

export interface Runtime {
  container: Container;
  config: Config;
  logger: PinoLogger;
  resources: Resources;
  /** Which adapter each port got, as logged at start-up. */
  adapters: Record<string, string>;
  close(): Promise<void>;
}

export interface BuildOptions {
  logger?: PinoLogger;
  /** Extra modules loaded last; tests use them to swap an adapter with `rebind`. */
  overrides?: ContainerModule[];
}

export async function openDatabase(config: Config): Promise<Database> {
  ensurePrivateDir(config.varDir);
  const dataSource = createDataSource({ url: config.database.url, sqliteFile: path.join(config.varDir, 'tourdesk.sqlite'), poolSize: config.database.poolSize, busyTimeoutMs: config.database.sqliteBusyTimeoutMs });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return new Database(dataSource);
}

/** The composition root: the one place that decides which adapter serves each port. */
export async function buildContainer(config: Config, options: BuildOptions = {}): Promise<Runtime> {
  const logger = options.logger ?? new PinoLogger(createPino(config.logLevel));
  const resources = new Resources(logger);
  const db = await openDatabase(config);
  resources.onShutdown('database', () => db.close());

  // Whatever opened before a failing step (database, Redis) must not outlive the failure.
  try {
    const adapters: Record<string, string> = {
      database: config.database.url ? 'TypeORM on MySQL/MariaDB' : `TypeORM on SQLite (${path.join(config.varDir, 'tourdesk.sqlite')})`,
      mailer: config.mail.smtpUrl ? 'nodemailer over SMTP' : `.eml outbox (${path.join(config.varDir, 'mail')})`,
      paymentGateway: paymentGatewayName(config),
      storage: storageAdapterName(config),
      pdfRenderer: pdfAdapterName(config),
      identityProvider: googleSignInAdapterName(config),
      ...verificationAdapters(config),
    };
    const verification = await verificationModule(config, logger, resources);
    const container = new Container({ defaultScope: 'Singleton' });
    container.loadSync(coreModule(config, logger, db, resources), accountsModule(config), googleSignInModule(config), mailModule(config, resources), verification, metricsModule(config, db, logger), statsModule(config), storageModule(config), catalogueModule(config), bookingModule(config), invoiceModule(config, logger, resources), ...(options.overrides ?? []));
    for (const [port, adapter] of Object.entries(adapters)) logger.info({ port, adapter }, `port ${port}: ${adapter}`);
    if (config.payment.sandboxInProduction) {
      logger.warn({ port: 'paymentGateway', adapter: adapters.paymentGateway }, 'SANDBOX PAYMENT GATEWAY IN PRODUCTION (ALLOW_SANDBOX_IN_PRODUCTION=true): anyone can complete a booking without paying');
    }
    return { container, config, logger, resources, adapters, close: () => resources.closeAll() };
  } catch (error) {
    await resources.closeAll();
    throw error;
  }
}
