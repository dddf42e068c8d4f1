import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ApiRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface ApiResponse {
  status: number;
  body: unknown;
}

/**
 * What goes wrong with the next request: an error status before anything happens, the same status
 * after the request took effect (the answer is lost, the state is not), or no answer at all.
 */
export type Fault = { kind: 'status'; status: number; afterEffect?: boolean } | { kind: 'hang' };

export const randomId = (prefix: string, bytes = 12): string => `${prefix}${randomBytes(bytes).toString('hex')}`;

/**
 * A payment API on a local port for the gateway fakes: records every request, replays the stored
 * answer for a repeated idempotency key (as Stripe and PayPal do), and injects faults.
 */
export abstract class FakeApiServer {
  url = '';
  port = 0;
  readonly requests: { method: string; path: string }[] = [];
  private server: http.Server | null = null;
  private readonly faults: Fault[] = [];
  private readonly answered = new Map<string, ApiResponse>();

  /** The header a client repeats a POST with to have it done once. */
  protected abstract readonly idempotencyHeader: string;
  protected abstract route(request: ApiRequest): ApiResponse | Promise<ApiResponse>;
  protected abstract errorBody(status: number): unknown;

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    this.url = `http://127.0.0.1:${this.port}`;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The next `times` requests meet `fault`. */
  failNext(fault: Fault, times = 1): void {
    for (let i = 0; i < times; i += 1) this.faults.push(fault);
  }

  count(method: string, path: RegExp): number {
    return this.requests.filter((r) => r.method === method && path.test(r.path)).length;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of req) body += String(chunk);
    const url = new URL(req.url ?? '/', this.url);
    const request: ApiRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body };
    this.requests.push({ method: request.method, path: request.path });
    const fault = this.faults.shift();
    if (fault?.kind === 'hang') return; // the client's timeout ends it
    if (fault && !fault.afterEffect) return send(res, { status: fault.status, body: this.errorBody(fault.status) });
    const response = await this.once(request);
    send(res, fault ? { status: fault.status, body: this.errorBody(fault.status) } : response);
  }

  /** A request that was not let in (401) or failed on the server side was never done: a repeat does it. */
  private async once(request: ApiRequest): Promise<ApiResponse> {
    const key = request.method === 'POST' ? request.headers[this.idempotencyHeader] : undefined;
    if (typeof key !== 'string') return this.route(request);
    const stored = this.answered.get(`${request.path} ${key}`);
    if (stored) return stored;
    const response = await this.route(request);
    if (response.status < 500 && response.status !== 401) this.answered.set(`${request.path} ${key}`, response);
    return response;
  }
}

function send(res: http.ServerResponse, response: ApiResponse): void {
  res.writeHead(response.status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(response.body));
}
