import type { SeededCatalogue} from './catalogueWorld';
import { TOURS, mariaDbUrl, seedCatalogue, startStaticKoa } from './catalogueWorld';
import type { Load, Measurement} from './support';
import { login, machine, measure, startApp, startBareKoa, warmUp } from './support';

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

interface Row {
  measured: Measurement;
  route: ReadRoute;
  /** Bare Koa serving this route's body, measured in the same run. */
  sameBody: Measurement;
}

/**
 * Issue 15: the read path next to bare Koa. Each route over 100 seeded tours, on SQLite and on MariaDB
 * (when `mariadbd` is installed or BENCH_DATABASE_URL is given), compared with bare Koa `{ok:true}` and
 * with bare Koa serving the very JSON body the route answered.
 */
export async function run(): Promise<void> {
  console.log(`reads: ${machine()}`);
  const mariadb = await mariaDbUrl();
  const kinds: [string, Record<string, string>][] = [['SQLite', {}], ...(mariadb ? [['MariaDB', { DATABASE_URL: mariadb.url }] as [string, Record<string, string>]] : [])];
  const bare = await startBareKoa();
  try {
    const ok: Load = { name: 'bare Koa {ok:true}', url: `${bare.url}/` };
    await warmUp(ok);
    for (const [kind, env] of kinds) {
      // On a shared machine the floor moves: measured before and after, the faster run counts (ratios err low).
      const before = await measure(ok);
      const rows = await measureKind(env);
      const after = await measure(ok);
      printReads(`${kind}: ${TOURS} tours (each with 1 image), 10 connections`, before.rps >= after.rps ? before : after, rows);
    }
    if (!mariadb) console.log('\nMariaDB unavailable (no mariadbd, no BENCH_DATABASE_URL): SQLite only.');
  } finally {
    await bare.stop();
    await mariadb?.stop();
  }
}

async function measureKind(env: Record<string, string>): Promise<Row[]> {
  const app = await startApp(env);
  const rows: Row[] = [];
  try {
    const seeded = await seedCatalogue(app.url);
    const token = await login(app.url);
    for (const route of ROUTES) {
      const load: Load = { name: route.name, url: `${app.url}${route.path(seeded)}`, headers: route.bearer ? { authorization: `Bearer ${token}` } : undefined };
      const body = await (await fetch(load.url, { headers: load.headers })).text();
      await warmUp(load);
      const measured = await measure(load);
      const same = await startStaticKoa(body);
      try {
        const sameLoad: Load = { name: 'same body', url: `${same.url}/` };
        await warmUp(sameLoad);
        rows.push({ measured, route, sameBody: await measure(sameLoad) });
      } finally {
        await same.stop();
      }
    }
  } finally {
    await app.stop();
  }
  return rows;
}

function printReads(title: string, floor: Measurement, rows: Row[]): void {
  const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
  const header = ['route', 'req/s', 'p50 ms', 'p99 ms', 'p99/p50', 'fail', 'vs {ok:true}', 'same body req/s', 'vs same body', 'goal'];
  const lines = [
    [floor.name, floor.rps.toFixed(0), floor.p50.toFixed(1), floor.p99.toFixed(1), '', String(floor.failures), '100%', '', '', ''],
    ...rows.map(({ measured: m, route, sameBody }) => {
      const vsOk = m.rps / floor.rps;
      const vsBody = m.rps / sameBody.rps;
      const reached = route.goal.against === 'ok' ? vsOk : vsBody;
      const goal = `≥ ${pct(route.goal.ratio)} vs ${route.goal.against === 'ok' ? '{ok:true}' : 'same body'} ${reached >= route.goal.ratio ? 'met' : 'MISSED'}`;
      const tail = m.p50 > 0 ? m.p99 / m.p50 : m.p99 > 0 ? Infinity : 1;
      return [m.name, m.rps.toFixed(0), m.p50.toFixed(1), m.p99.toFixed(1), `${tail.toFixed(1)}${tail <= 3 ? '' : ' (>3)'}`, String(m.failures), pct(vsOk), sameBody.rps.toFixed(0), pct(vsBody), goal];
    }),
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]) => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\n${title}`);
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) console.log(format(line));
}
