import { startServer } from './interfaces/http/startServer';

startServer().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
