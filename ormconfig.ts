import path from 'node:path';
import { loadConfig } from './src/infrastructure/config/Config';
import { createDataSource } from './src/infrastructure/persistence/createDataSource';

/** The DataSource the TypeORM CLI uses (`npx typeorm-ts-node-commonjs -d ormconfig.ts migration:show`). */
const config = loadConfig();
export default createDataSource({ url: config.database.url, sqliteFile: path.join(config.varDir, 'tourdesk.sqlite'), poolSize: config.database.poolSize });
