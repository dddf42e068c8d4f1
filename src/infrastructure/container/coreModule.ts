import path from 'node:path';
import { ContainerModule } from 'inversify';
import { HealthCheck } from '../../application/ports/HealthCheck';
import { TOKENS } from '../../application/ports/tokens';
import { Config } from '../config/Config';
import { HandlebarsTemplateRenderer } from '../templates/HandlebarsTemplateRenderer';
import { Database } from '../persistence/Database';
import { TypeOrmUnitOfWork } from '../persistence/TypeOrmUnitOfWork';
import { InProcessBackgroundTasks } from '../system/InProcessBackgroundTasks';
import { SystemClock } from '../system/SystemClock';
import { UuidIdGenerator } from '../system/UuidIdGenerator';
import { PinoLogger } from '../logging/PinoLogger';
import { projectRoot } from '../system/projectRoot';
import { Resources } from './Resources';
import { single } from './bindings';

export const TEMPLATES_DIR = path.join(projectRoot(), 'templates');

export function coreModule(config: Config, logger: PinoLogger, db: Database, resources: Resources): ContainerModule {
  // Drained with the first closers: the mails it is still sending need the SMTP transport, closed later.
  const background = new InProcessBackgroundTasks(logger);
  resources.onShutdown('background tasks', async () => void (await background.drain(config.shutdownTimeoutMs)), { first: true });
  return new ContainerModule(({ bind }) => {
    bind(TOKENS.Config).toConstantValue(config);
    bind(TOKENS.Logger).toConstantValue(logger);
    bind(PinoLogger).toConstantValue(logger);
    bind(Database).toConstantValue(db);
    bind(Resources).toConstantValue(resources);
    bind(InProcessBackgroundTasks).toConstantValue(background);
    bind(TOKENS.BackgroundTasks).toConstantValue(background);
    single(bind, TOKENS.Clock, () => new SystemClock());
    single(bind, TOKENS.IdGenerator, () => new UuidIdGenerator());
    single(bind, TOKENS.UnitOfWork, () => new TypeOrmUnitOfWork(db));
    single(bind, TOKENS.TemplateRenderer, () => new HandlebarsTemplateRenderer(TEMPLATES_DIR, { brandName: config.business.brandName }));
    bind<HealthCheck>(TOKENS.HealthChecks).toConstantValue({
      name: 'database',
      // SQLite's SELECT 1 never touches the file; reading the schema does.
      check: async () => {
        await db.dataSource.query(db.dialect === 'sqlite' ? 'SELECT count(*) FROM sqlite_master' : 'SELECT 1');
      },
    });
  });
}
