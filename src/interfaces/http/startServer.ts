import http from 'node:http';
import { EnsureSuperAdmin } from '../../application/users/EnsureSuperAdmin';
import { loadConfig } from '../../infrastructure/config/Config';
import { BuildOptions, buildContainer, Runtime } from '../../infrastructure/container/buildContainer';
import { PinoLogger } from '../../infrastructure/logging/PinoLogger';
import { exitOnShutdownSignal } from '../shutdownSignals';
import { startWorker } from '../worker/startWorker';
import { createHttpApp, HttpApp } from './createHttpApp';

export interface RunningServer {
  runtime: Runtime;
  http: HttpApp;
  server: http.Server;
  url: string;
  stop(): Promise<void>;
}

/** Builds the container, serves the API, and stops cleanly on SIGTERM/SIGINT. */
export async function startServer(env: NodeJS.ProcessEnv = process.env, options: { handleSignals?: boolean; logger?: PinoLogger } & Pick<BuildOptions, 'overrides'> = {}): Promise<RunningServer> {
  const config = loadConfig(env);
  const runtime = await buildContainer(config, { logger: options.logger, overrides: options.overrides });
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
  if (config.clientCompat) {
    const { auth, otpResendCooldownSeconds, payment } = config;
    runtime.logger.info(
      { expiredTokenStatus: auth.legacyExpiredTokenStatus, otpResendCooldownSeconds, landingPaths: payment.landingPaths },
      `client profile ${config.clientCompat}: settings for front ends written for the original tour API`,
    );
  }
  const worker = config.worker.inProcess ? startWorker(runtime) : null;

  // Stop accepting, let in-flight requests finish (bounded by SHUTDOWN_TIMEOUT_MS), then close
  // what the runtime opened, newest first: the in-process worker drains its running jobs
  // before the browser, Redis and the database go.
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      runtime.logger.info({}, 'shutting down: no new connections, draining in-flight requests');
      // The in-process worker claims nothing more from now on; its running jobs finish alongside the requests.
      const workerStopped = worker?.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const idleSweep = setInterval(() => server.closeIdleConnections(), 100).unref();
      const timer = setTimeout(() => {
        runtime.logger.warn({ timeoutMs: config.shutdownTimeoutMs }, 'in-flight requests outlived the shutdown timeout: closing their connections');
        server.closeAllConnections();
      }, config.shutdownTimeoutMs).unref();
      await closed;
      clearInterval(idleSweep);
      clearTimeout(timer);
      await workerStopped;
      await runtime.close();
      runtime.logger.info({}, 'shut down');
    })());
  if (options.handleSignals ?? true) exitOnShutdownSignal(stop, runtime.logger, 2 * config.shutdownTimeoutMs + 5_000);
  return { runtime, http: httpApp, server, url, stop };
}
