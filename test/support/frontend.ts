import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandInFrontend {
  url: string;
  /** Paths and query strings of every request, in order: where payment redirects landed. */
  hits: string[];
  stop(): Promise<void>;
}

export interface FrontendOptions {
  /** The host name in `url`: `localhost` makes the page another site than an API on 127.0.0.1. */
  hostname?: 'localhost' | '127.0.0.1';
  /** Only these paths are served (HTML, by path); any other answers 404, as a client without that route. */
  pages?: Record<string, string>;
}

/** A stand-in front end on a free port that records where redirects land. */
export async function startFrontend(options: FrontendOptions = {}): Promise<StandInFrontend> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    const html = options.pages ? options.pages[new URL(req.url ?? '/', 'http://x').pathname] : '<!doctype html><title>front end</title><h1>Thanks</h1>';
    res.writeHead(html === undefined ? 404 : 200, { 'content-type': 'text/html' });
    res.end(html ?? '<!doctype html><title>Not found</title><h1>404</h1>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://${options.hostname ?? '127.0.0.1'}:${port}`, hits, stop: () => new Promise((r) => server.close(() => r())) };
}
