import { loadConfig } from './infrastructure/config/Config';
import { startApi } from './startApi';
import { isClusterChild, startCluster, startClusterChild } from './startCluster';

/** `npm start`: one API process (with the in-process worker), or with API_PROCESSES > 1 a cluster of them. */
async function main(): Promise<void> {
  if (isClusterChild()) return startClusterChild();
  const config = loadConfig();
  if (config.apiProcesses > 1) return startCluster(config);
  await startApi();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
