import http from 'node:http';
import { EnsureSuperAdmin } from '../../application/users/EnsureSuperAdmin';
import { loadConfig } from '../../infrastructure/config/Config';
import { buildContainer, Runtime } from '../../infrastructure/container/buildContainer';
import { createHttpApp, HttpApp } from './createHttpApp';

export interface RunningServer {
  runtime: Runtime;
  http: HttpApp;
  server: http.Server;
  url: string;
  stop(): Promise<void>;
}

/** Builds the container, serves the API, and stops cleanly on SIGTERM/SIGINT. */
export async function startServer(env: NodeJS.ProcessEnv = process.env, options: { handleSignals?: boolean } = {}): Promise<RunningServer> {
  const config = loadConfig(env);
  const runtime = await buildContainer(config);
  const outcome = await runtime.container.get(EnsureSuperAdmin).execute(config.superAdmin);
  if (outcome === 'created') runtime.logger.info({ email: config.superAdmin?.email }, 'super admin created');
  const httpApp = createHttpApp(runtime);
  const server = http.createServer(httpApp.app.callback());
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://127.0.0.1:${port}`;
  runtime.logger.info({ port }, `TourDesk API listening on ${url}`);

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      runtime.logger.info({}, 'shutting down');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), config.shutdownTimeoutMs).unref();
      await closed;
      clearTimeout(timer);
      await runtime.close();
    })());
  if (options.handleSignals ?? true) {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        stop().then(() => process.exit(0), () => process.exit(1));
      });
    }
  }
  return { runtime, http: httpApp, server, url, stop };
}
