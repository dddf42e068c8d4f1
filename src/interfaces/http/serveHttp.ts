import http from 'node:http';
import type { RequestListener } from 'node:http';
import type { Logger } from '../../application/ports/Logger';

export interface ServeSettings {
  port: number;
  host: string;
  /** How long in-flight requests may take to finish once stopping begins. */
  shutdownTimeoutMs: number;
}

export interface Serving {
  server: http.Server;
  url: string;
  /** Stops accepting connections and waits for in-flight requests (bounded by the shutdown timeout). */
  close(): Promise<void>;
}

/** Serves `handle` on the configured port; a port of 0 takes a free one, which `url` names. */
export async function serveHttp(handle: RequestListener, settings: ServeSettings, logger: Logger): Promise<Serving> {
  const server = http.createServer(handle);
  server.keepAliveTimeout = 65_000;
  await listen(server, settings);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : settings.port;
  const url = `http://127.0.0.1:${port}`;
  logger.info({ port }, `TourDesk API listening on ${url}`);

  const close = async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const idleSweep = setInterval(() => server.closeIdleConnections(), 100).unref();
    const timer = setTimeout(() => {
      logger.warn({ timeoutMs: settings.shutdownTimeoutMs }, 'in-flight requests outlived the shutdown timeout: closing their connections');
      server.closeAllConnections();
    }, settings.shutdownTimeoutMs).unref();
    await closed;
    clearInterval(idleSweep);
    clearTimeout(timer);
  };
  return { server, url, close };
}

/** Listens, or fails with what an operator can act on (a port taken by another process, one it may not bind) instead of an unhandled 'error' event. */
function listen(server: http.Server, { port, host }: ServeSettings): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => {
      const where = `${host}:${port}`;
      if (error.code === 'EADDRINUSE') reject(new Error(`cannot listen on ${where}: the port is already in use (another TourDesk?); stop it or set PORT`));
      else if (error.code === 'EACCES') reject(new Error(`cannot listen on ${where}: not allowed to bind that port; set PORT (above 1023 without privileges)`));
      else reject(error);
    };
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve();
    });
  });
}
