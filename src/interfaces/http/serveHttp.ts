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
  await new Promise<void>((resolve) => server.listen(settings.port, settings.host, resolve));
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
