import type { HealthCheck } from '../../application/ports/HealthCheck';
import type { Ports } from '../../application/ports/Ports';
import { TypeOrmUnitOfWork } from '../persistence/TypeOrmUnitOfWork';
import { NodeCryptoDigest } from '../security/NodeCryptoDigest';
import { CryptoCodeGenerator } from '../security/CryptoCodeGenerator';
import { SystemClock } from '../system/SystemClock';
import { UuidIdGenerator } from '../system/UuidIdGenerator';
import { HandlebarsTemplateRenderer } from '../templates/HandlebarsTemplateRenderer';
import { TEMPLATES_DIR } from '../templates/templatesDir';
import type { Infrastructure } from './Infrastructure';
import type { Factories } from './lazy';

type CorePorts = Pick<Ports, 'clock' | 'idGenerator' | 'codeGenerator' | 'logger' | 'metrics' | 'unitOfWork' | 'backgroundTasks' | 'templateRenderer' | 'digest'>;

export function corePorts({ config, logger, database, backgroundTasks, prometheus }: Infrastructure): Factories<CorePorts, Ports> {
  return {
    clock: () => new SystemClock(),
    idGenerator: () => new UuidIdGenerator(),
    codeGenerator: () => new CryptoCodeGenerator(),
    logger: () => logger,
    metrics: () => prometheus,
    unitOfWork: () => new TypeOrmUnitOfWork(database),
    backgroundTasks: () => backgroundTasks,
    templateRenderer: () => new HandlebarsTemplateRenderer(TEMPLATES_DIR, { brandName: config.business.brandName }),
    digest: () => new NodeCryptoDigest(),
  };
}

/** The database's own check: SQLite's SELECT 1 never touches the file; reading the schema does. */
export function databaseHealth({ database }: Infrastructure): HealthCheck {
  return {
    name: 'database',
    check: async () => {
      await database.dataSource.query(database.dialect === 'sqlite' ? 'SELECT count(*) FROM sqlite_master' : 'SELECT 1');
    },
  };
}
