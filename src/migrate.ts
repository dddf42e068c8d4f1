import path from 'node:path';
import { loadConfig } from './infrastructure/config/Config';
import { createDataSource } from './infrastructure/persistence/createDataSource';

/** `npm run migrate`: applies pending migrations to the configured database and says which ran. */
async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = createDataSource({ url: config.database.url, sqliteFile: path.join(config.varDir, 'tourdesk.sqlite'), poolSize: 1 });
  await dataSource.initialize();
  try {
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    const target = config.database.url ? 'MySQL/MariaDB' : path.join(config.varDir, 'tourdesk.sqlite');
    if (!ran.length) console.log(`No pending migrations on ${target}.`);
    else console.log(`Applied ${ran.length} migration(s) on ${target}:\n${ran.map((m) => `  ${m.name}`).join('\n')}`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
