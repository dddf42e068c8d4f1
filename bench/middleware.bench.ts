import http from 'node:http';
import cors from '@koa/cors';
import Koa from 'koa';
import helmet from 'koa-helmet';
import pino from 'pino';
import { Histogram, Registry } from 'prom-client';
import { createPino, PinoLogger } from '../src/infrastructure/logging/PinoLogger';
import { inRequestScope } from '../src/infrastructure/logging/requestContext';
import { PrometheusMetrics } from '../src/infrastructure/metrics/PrometheusMetrics';
import { httpMetrics } from '../src/interfaces/http/httpMetrics';
import { requestLogging } from '../src/interfaces/http/middleware';
import { securityHeaders } from '../src/interfaces/http/securityHeaders';
import type { Measurement, Server } from './support';
import { keepServersOffLoadCore, machine, measure, warmUp } from './support';

type Middleware = Koa.Middleware;

const HELMET = { contentSecurityPolicy: { directives: { 'script-src': ["'self'"], 'img-src': ["'self'", 'data:', 'https:'] } } };

/** The request log line at `info`, to /dev/null: synchronously (pino's default) or through the async destination the app now uses. */
const logTo = (sync: boolean) => requestLogging(new PinoLogger(createPino('info', pino.destination({ dest: '/dev/null', sync }))), inRequestScope);

/** The metrics middleware as it was: the histogram's labels resolved from an object on every request. */
function metricsResolvingLabels(): Middleware {
  const histogram = new Histogram({ name: 'bench_http_seconds', help: 'bench', labelNames: ['method', 'route', 'status'] as const, registers: [new Registry()] });
  return httpMetrics({ requestServed: (r, s) => histogram.observe({ method: r.method, route: r.route, status: String(r.status) }, s), exposition: async () => ({ contentType: '', body: '' }) });
}

const VARIANTS: [string, () => Middleware | null][] = [
  ['bare Koa {ok:true}', () => null],
  ['+ request log, pino sync (before)', () => logTo(true)],
  ['+ request log, pino async (now)', () => logTo(false)],
  ['+ metrics, labels per request (before)', metricsResolvingLabels],
  ['+ metrics, label children kept (now)', () => httpMetrics(new PrometheusMetrics())],
  ['+ koa-helmet per request (before)', () => helmet(HELMET)],
  ['+ helmet headers precomputed (now)', () => securityHeaders(HELMET)],
  ['+ CORS', () => cors({ origin: 'http://localhost:3000', credentials: true })],
];

async function startWith(middleware: Middleware | null): Promise<Server> {
  const app = new Koa();
  if (middleware) app.use(middleware);
  app.use((ctx) => {
    ctx.body = { ok: true };
  });
  const handle = app.callback();
  const server = http.createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, stop: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}

/** Issue 15: what each middleware costs on its own, in front of a bare Koa route (µs per request = 1/req/s difference). */
/** Rounds over every variant: the machine's speed drifts during a run, and drift then falls on each variant alike. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const RUN_SECONDS = Number(process.env.BENCH_SECONDS ?? 2);

export async function run(): Promise<void> {
  keepServersOffLoadCore();
  console.log(`middleware: ${machine(RUN_SECONDS)}, ${ROUNDS} rounds (median µs/request; each round's bare Koa is its baseline)`);
  const servers = await Promise.all(VARIANTS.map(async ([name, make]) => ({ name, server: await startWith(make()) })));
  try {
    const loads = servers.map(({ name, server }) => ({ name, url: `${server.url}/`, seconds: RUN_SECONDS }));
    for (const load of loads) await warmUp(load);
    const rounds: Measurement[][] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const measured: Measurement[] = [];
      for (const load of loads) measured.push(await measure(load));
      rounds.push(measured);
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor((xs.length - 1) / 2)];
    console.log('\nEach middleware alone in front of a bare Koa route, 10 connections');
    console.log(['middleware'.padEnd(42), 'req/s'.padStart(7), 'p99 ms'.padStart(7), 'µs/request'.padStart(11)].join('  '));
    loads.forEach((load, i) => {
      const cost = i === 0 ? '' : median(rounds.map((r) => 1e6 / r[i].rps - 1e6 / r[0].rps)).toFixed(1);
      const rps = median(rounds.map((r) => r[i].rps));
      const p99 = median(rounds.map((r) => r[i].p99));
      console.log([load.name.padEnd(42), rps.toFixed(0).padStart(7), p99.toFixed(1).padStart(7), cost.padStart(11)].join('  '));
    });
  } finally {
    await Promise.all(servers.map(({ server }) => server.stop()));
  }
}
