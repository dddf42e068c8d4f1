import type http from 'node:http';
import type { Config } from './infrastructure/config/Config';
import { loadConfig } from './infrastructure/config/Config';
import type { Root, RootOptions } from './infrastructure/root/buildRoot';
import { buildRoot } from './infrastructure/root/buildRoot';
import { httpDependencies, workerDependencies } from './handOver';
import type { HttpApp } from './interfaces/http/createHttpApp';
import { createHttpApp } from './interfaces/http/createHttpApp';
import type { Serving } from './interfaces/http/serveHttp';
import { serveHttp } from './interfaces/http/serveHttp';
import { exitOnShutdownSignal } from './interfaces/shutdownSignals';
import type { JobWorker, JobWorkerOptions } from './interfaces/worker/JobWorker';
import { createWorker, startWorker } from './interfaces/worker/startWorker';

export interface RunningApi {
  root: Root;
  http: HttpApp;
  server: http.Server;
  url: string;
  /** A worker over this process's ports and use cases, not started (tests run it with `drain`). */
  createWorker(options?: Partial<JobWorkerOptions>): JobWorker;
  stop(): Promise<void>;
}

export interface StartApiOptions extends RootOptions {
  /** Stop on SIGTERM/SIGINT (default true; tests stop it themselves). */
  handleSignals?: boolean;
  /** The signals that stop it (default SIGTERM and SIGINT; a cluster child answers only its primary's SIGTERM). */
  shutdownSignals?: readonly NodeJS.Signals[];
}

/** Builds the composition root, hands the HTTP adapter (and the in-process worker) what they call, serves the API, stops cleanly. */
export async function startApi(env: NodeJS.ProcessEnv = process.env, options: StartApiOptions = {}): Promise<RunningApi> {
  const config = loadConfig(env);
  const root = await buildRoot(config, options);
  const { httpApp, serving } = await serveRoot(root, config).catch(async (error: unknown) => {
    await root.close();
    throw error;
  });
  if (config.clientCompat) {
    const { auth, otpResendCooldownSeconds, payment } = config;
    root.logger.info(
      { expiredTokenStatus: auth.legacyExpiredTokenStatus, otpResendCooldownSeconds, landingPaths: payment.landingPaths },
      `client profile ${config.clientCompat}: settings for front ends written for the original tour API`,
    );
  }
  const worker = config.worker.inProcess ? startWorker(workerDependencies(root)) : null;

  // Stop accepting, let in-flight requests finish (bounded by SHUTDOWN_TIMEOUT_MS), then close
  // what the root opened, newest first: the in-process worker drains its running jobs
  // before the browser, Redis and the database go.
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      root.logger.info({}, 'shutting down: no new connections, draining in-flight requests');
      // The in-process worker claims nothing more from now on; its running jobs finish alongside the requests.
      const workerStopped = worker?.stop();
      await serving.close();
      await workerStopped;
      await root.close();
      root.logger.info({}, 'shut down');
    })());
  if (options.handleSignals ?? true) exitOnShutdownSignal(stop, root.logger, 2 * config.shutdownTimeoutMs + 5_000, options.shutdownSignals);
  return {
    root, http: httpApp, server: serving.server, url: serving.url, stop,
    createWorker: (workerOptions) => createWorker(workerDependencies(root), workerOptions),
  };
}

/** The steps from a built root to a listening server: whichever fails, startApi closes the root it built. */
async function serveRoot(root: Root, config: Config): Promise<{ httpApp: HttpApp; serving: Serving }> {
  const outcome = await root.useCases.ensureSuperAdmin.execute(config.superAdmin);
  if (outcome === 'created') root.logger.info({ email: config.superAdmin?.email }, 'super admin created');
  const httpApp = createHttpApp(httpDependencies(root));
  return { httpApp, serving: await serveHttp(httpApp.handle, config, root.logger) };
}
