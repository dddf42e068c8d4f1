import type { SeededCatalogue} from './catalogueWorld';
import { TOURS, mariaDbUrl, seedCatalogue } from './catalogueWorld';
import type { Load, Measurement, Tail } from './support';
import { keepServersOffLoadCore, login, machine, measure, startAppProcess, startBareKoa, startStaticKoa, tail, warmUp } from './support';

/** Issue 15's goals: req/s of the route ÷ req/s of the bare Koa route it is compared with. */
interface ReadRoute {
  name: string;
  path: (seeded: SeededCatalogue) => string;
  bearer?: boolean;
  /** Compared with bare Koa `{ok:true}`, or with bare Koa serving the same JSON body. */
  goal: { against: 'ok' | 'body'; ratio: number };
}

const ROUTES: ReadRoute[] = [
  { name: 'GET /health', path: () => '/health', goal: { against: 'ok', ratio: 0.8 } },
  { name: 'GET /user/me (Bearer)', path: () => '/api/v1/user/me', bearer: true, goal: { against: 'ok', ratio: 0.4 } },
  { name: 'GET /tour (filter+sort, page of 10)', path: (s) => `/api/v1/tour?${s.listQuery}`, goal: { against: 'body', ratio: 0.5 } },
  { name: 'GET /tour/:slug', path: (s) => `/api/v1/tour/${s.slug}`, goal: { against: 'body', ratio: 0.5 } },
  { name: 'GET /tours/tour-types', path: () => '/api/v1/tours/tour-types', goal: { against: 'body', ratio: 0.5 } },
];

/**
 * Rounds per route; each round measures the floor, the route and its same-body twin back to back.
 * Many short rounds: the floor moves between runs seconds apart, and a median of five settles better.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const RUN_SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
/** `BENCH_READS=me,slug` measures only the routes whose names contain one of these (case-insensitive). */
const ONLY = (process.env.BENCH_READS ?? '').toLowerCase().split(',').filter(Boolean);
/** The app's log level: `info` (each request logged, as deployed) unless `BENCH_LOG_LEVEL` says otherwise. */
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'info';
/** `BENCH_DATABASES=sqlite` (or `mariadb`) measures on that one only. */
const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,mariadb').toLowerCase().split(',');

interface Row {
  route: ReadRoute;
  /** Median over the rounds of each figure, and of each ratio taken within its round. */
  rps: number;
  p50: number;
  p99: number;
  failures: number;
  vsOk: number;
  vsBody: number;
  okRps: number;
  okTail: number;
  sameBodyRps: number;
  /** By wrk, when installed: the route's and the floor's, measured back to back. */
  wrk: { route: Tail; floor: Tail } | null;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/**
 * Issue 15: the read path next to bare Koa. Each route over 100 seeded tours, on SQLite and on MariaDB
 * (when `mariadbd` is installed or BENCH_DATABASE_URL is given), compared with bare Koa `{ok:true}` and
 * with bare Koa serving the very JSON body the route answered. A shared two-core machine moves its
 * floor by a third from one run to the next, so each ratio is taken within a round of three
 * back-to-back runs, and the median of the rounds is reported.
 */
export async function run(): Promise<void> {
  keepServersOffLoadCore();
  console.log(`reads: ${machine(RUN_SECONDS)}, ${ROUNDS} rounds per route (median), app logging at ${LOG_LEVEL}`);
  const mariadb = DATABASES.includes('mariadb') ? await mariaDbUrl() : null;
  const kinds: [string, Record<string, string>][] = [
    ...(DATABASES.includes('sqlite') ? [['SQLite', {}] as [string, Record<string, string>]] : []),
    ...(mariadb ? [['MariaDB', { DATABASE_URL: mariadb.url }] as [string, Record<string, string>]] : []),
  ];
  const bare = await startBareKoa();
  try {
    const ok: Load = { name: 'bare Koa {ok:true}', url: `${bare.url}/`, seconds: RUN_SECONDS };
    await warmUp(ok);
    for (const [kind, env] of kinds) printReads(`${kind}: ${TOURS} tours (each with 1 image), 10 connections`, await measureKind(env, ok));
    if (!mariadb && DATABASES.includes('mariadb')) console.log('\nMariaDB unavailable (no mariadbd, no BENCH_DATABASE_URL): SQLite only.');
  } finally {
    await bare.stop();
    await mariadb?.stop();
  }
}

async function measureKind(env: Record<string, string>, ok: Load): Promise<Row[]> {
  const app = await startAppProcess({ LOG_LEVEL: LOG_LEVEL, ...env });
  const rows: Row[] = [];
  try {
    const seeded = await seedCatalogue(app.url);
    const token = await login(app.url);
    for (const route of ROUTES.filter((r) => !ONLY.length || ONLY.some((word) => r.name.toLowerCase().includes(word)))) {
      const load: Load = { name: route.name, url: `${app.url}${route.path(seeded)}`, headers: route.bearer ? { authorization: `Bearer ${token}` } : undefined, seconds: RUN_SECONDS };
      const body = await (await fetch(load.url, { headers: load.headers })).text();
      const same = await startStaticKoa(body);
      try {
        const sameLoad: Load = { name: 'same body', url: `${same.url}/`, seconds: RUN_SECONDS };
        await warmUp(load);
        await warmUp(sameLoad);
        const rounds: { floor: Measurement; measured: Measurement; sameBody: Measurement }[] = [];
        for (let i = 0; i < ROUNDS; i++) rounds.push({ floor: await measure(ok), measured: await measure(load), sameBody: await measure(sameLoad) });
        rows.push({
          route,
          rps: median(rounds.map((r) => r.measured.rps)),
          p50: median(rounds.map((r) => r.measured.p50)),
          p99: median(rounds.map((r) => r.measured.p99)),
          failures: rounds.reduce((sum, r) => sum + r.measured.failures, 0),
          vsOk: median(rounds.map((r) => r.measured.rps / r.floor.rps)),
          vsBody: median(rounds.map((r) => r.measured.rps / r.sameBody.rps)),
          okRps: median(rounds.map((r) => r.floor.rps)),
          okTail: median(rounds.map((r) => r.floor.p99 / r.floor.p50)),
          sameBodyRps: median(rounds.map((r) => r.sameBody.rps)),
          wrk: tails(load, ok),
        });
      } finally {
        await same.stop();
      }
    }
  } finally {
    await app.stop();
  }
  return rows;
}

function tails(load: Load, ok: Load): Row['wrk'] {
  const route = tail(load);
  const floor = route && tail(ok);
  return route && floor ? { route, floor } : null;
}

function printReads(title: string, rows: Row[]): void {
  const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
  const header = ['route', 'req/s', 'p50 ms', 'p99 ms', 'p99/p50', 'floor p99/p50', 'wrk p50/p99 ms', 'wrk p99/p50', 'wrk floor', 'fail', '{ok:true} req/s', 'vs {ok:true}', 'same body req/s', 'vs same body', 'goal'];
  const lines = rows.map(({ route, ...m }) => {
    const reached = route.goal.against === 'ok' ? m.vsOk : m.vsBody;
    // Judged by wrk when it measured (see `tail` in support.ts), by autocannon otherwise.
    const judged = m.wrk ? m.wrk.route.p99 / m.wrk.route.p50 : m.p99 / m.p50;
    const goal = [
      `≥ ${pct(route.goal.ratio)} vs ${route.goal.against === 'ok' ? '{ok:true}' : 'same body'} ${reached >= route.goal.ratio ? 'met' : 'MISSED'}`,
      `tail ≤ 3× ${m.wrk ? '(wrk) ' : ''}${judged <= 3 ? 'met' : 'MISSED'}`,
    ].join('; ');
    const ratio = (t: Tail | undefined) => (t ? (t.p99 / t.p50).toFixed(1) : '-');
    return [
      route.name, m.rps.toFixed(0), m.p50.toFixed(2), m.p99.toFixed(2), (m.p99 / m.p50).toFixed(1), m.okTail.toFixed(1),
      m.wrk ? `${m.wrk.route.p50.toFixed(2)}/${m.wrk.route.p99.toFixed(2)}` : '-', ratio(m.wrk?.route), ratio(m.wrk?.floor), String(m.failures),
      m.okRps.toFixed(0), pct(m.vsOk), m.sameBodyRps.toFixed(0), pct(m.vsBody), goal,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]) => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\n${title}`);
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) console.log(format(line));
}
