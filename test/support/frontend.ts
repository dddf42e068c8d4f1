import http from 'node:http';
import { AddressInfo } from 'node:net';

export interface StandInFrontend {
  url: string;
  /** Paths and query strings of every request, in order: where payment redirects landed. */
  hits: string[];
  stop(): Promise<void>;
}

/** A stand-in front end on a free port that records where redirects land. */
export async function startFrontend(): Promise<StandInFrontend> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>front end</title><h1>Thanks</h1>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits, stop: () => new Promise((r) => server.close(() => r())) };
}
