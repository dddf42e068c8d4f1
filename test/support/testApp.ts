import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from '../../src/application/ports/Logger';
import type { Ports } from '../../src/application/ports/Ports';
import type { RunningApi} from '../../src/startApi';
import { startApi } from '../../src/startApi';

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  /** `name=value` pairs from Set-Cookie, for the next request's Cookie header. */
  cookies: Record<string, string>;
  setCookie: string[];
}

export interface RequestOptions {
  body?: unknown;
  form?: FormData;
  token?: string;
  cookies?: Record<string, string>;
  headers?: Record<string, string>;
  redirect?: 'manual' | 'follow';
}

export interface TestApp {
  server: RunningApi;
  url: string;
  varDir: string;
  request<T = any>(method: string, path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
  /** Waits for the background tasks requests started (mail delivery) to finish. */
  settled(): Promise<void>;
  /** The `.eml` files the embedded mailer wrote, oldest first, as raw text, once `settled()`. */
  mails(): Promise<string[]>;
  stop(): Promise<void>;
}

/** NODE_ENV=production with every secret and choice it requires, for tests of production-only behaviour. */
export const PRODUCTION_ENV = {
  NODE_ENV: 'production', PAYMENT_GATEWAY: 'sandbox', ALLOW_SANDBOX_IN_PRODUCTION: 'true',
  JWT_ACCESS_SECRET: 'a'.repeat(40), JWT_REFRESH_SECRET: 'b'.repeat(40), OTP_HASH_KEY: 'c'.repeat(40), STORAGE_SIGNING_KEY: 'd'.repeat(40), SANDBOX_GATEWAY_SECRET: 'e'.repeat(40),
};

/** Every test talks from 127.0.0.1: per-client limits stay out of the way unless a test sets them. */
const GENEROUS_LIMITS = {
  RATE_LIMIT_LOGIN_PER_MINUTE: '100000', RATE_LIMIT_OTP_PER_MINUTE: '100000', RATE_LIMIT_LOGIN_PER_EMAIL: '100000',
  RATE_LIMIT_ACCOUNT_PER_HOUR: '100000', RATE_LIMIT_RESET_MAILS_PER_HOUR: '100000',
};

/** Real requests to `baseUrl` (an app started here or in a process of its own). */
export function httpClient(baseUrl: string): TestApp['request'] {
  return async <T>(method: string, route: string, options: RequestOptions = {}): Promise<ApiResponse<T>> => {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.cookies) headers.cookie = Object.entries(options.cookies).map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | FormData | undefined;
    if (options.form) body = options.form;
    else if (options.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    }
    const url = route.startsWith('http') ? route : `${baseUrl}${route}`;
    const response = await fetch(url, { method, headers, body, redirect: options.redirect ?? 'manual' });
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    const setCookie = response.headers.getSetCookie();
    const cookies = Object.fromEntries(setCookie.map((c) => c.split(';')[0].split('=')).map(([k, ...v]) => [k, v.join('=')]));
    return { status: response.status, headers: response.headers, body: type.includes('json') && text ? JSON.parse(text) : (text as T), cookies, setCookie };
  };
}

/**
 * Starts the real app (real composition root, embedded defaults unless `env` says
 * otherwise) on a free port with its own VAR_DIR, for HTTP tests over real sockets.
 * `options.logger` replaces the silent default, e.g. to capture log lines; `options.ports`
 * replaces adapters, typed (a fake clock instead of waiting for time to pass).
 */
export async function startTestApp(env: Record<string, string> = {}, options: { logger?: Logger; ports?: Partial<Ports> } = {}): Promise<TestApp> {
  const varDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tourdesk-test-'));
  const server = await startApi(
    { NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1', VAR_DIR: varDir, WORKER_IN_PROCESS: '0', ...GENEROUS_LIMITS, ...env },
    { handleSignals: false, ports: { ...options.ports, ...(options.logger ? { logger: options.logger } : {}) } },
  );
  const request = httpClient(server.url);
  const mailDir = path.join(varDir, 'mail');
  const settled = async () => {
    if (!(await server.root.backgroundTasks.drain(10_000))) throw new Error('background tasks still running after 10 s');
  };
  return {
    server,
    url: server.url,
    varDir,
    request,
    settled,
    async mails() {
      await settled();
      return fs.existsSync(mailDir) ? fs.readdirSync(mailDir).filter((f) => f.endsWith('.eml')).sort().map((f) => fs.readFileSync(path.join(mailDir, f), 'utf8')) : [];
    },
    async stop() {
      await server.stop();
      fs.rmSync(varDir, { recursive: true, force: true });
    },
  };
}
