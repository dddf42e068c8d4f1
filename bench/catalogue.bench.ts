import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Koa from 'koa';
import { createConnection } from 'mysql2/promise';
import { demoLandscapePng } from '../src/interfaces/cli/png';
import type { Load, Measurement, Server} from './support';
import { login, machine, measure, printTable, startApp, startBareKoa, warmUp } from './support';

const TOURS = 100;
const run$ = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Issue 5: `GET /tour` (100 tours, a page of 10, filtered and sorted) on SQLite and MariaDB next to bare Koa routes. */
export async function run(): Promise<void> {
  console.log(`catalogue: ${machine()}`);
  const rows: Measurement[] = [];
  let payload = '{}';
  const mariadb = await mariaDbUrl();
  const kinds: [string, Record<string, string>][] = [['SQLite', {}], ...(mariadb ? [['MariaDB', { DATABASE_URL: mariadb.url }] as [string, Record<string, string>]] : [])];
  try {
    for (const [kind, env] of kinds) {
      const app = await startApp(env);
      try {
        const query = await seed(app.url);
        const load: Load = { name: `GET /tour ${kind} (filter+sort, page of 10)`, url: `${app.url}/api/v1/tour?${query}` };
        payload = await (await fetch(load.url)).text();
        await warmUp(load);
        rows.push(await measure(load));
      } finally {
        await app.stop();
      }
    }
    const bare = await startBareKoa();
    const sameJson = await startStaticKoa(payload);
    try {
      const floor: Load = { name: 'bare Koa {ok:true}', url: `${bare.url}/` };
      const json: Load = { name: 'bare Koa, same JSON body', url: `${sameJson.url}/` };
      await warmUp(floor);
      await warmUp(json);
      const baseline = await measure(floor);
      rows.unshift(baseline, await measure(json));
      printTable(`GET /tour over ${TOURS} tours (each with 1 image URL to sign), 10 connections${mariadb ? '' : ' (MariaDB unavailable: SQLite only)'}`, rows, baseline);
    } finally {
      await sameJson.stop();
      await bare.stop();
    }
  } finally {
    await mariadb?.stop();
  }
}

/** Creates 2 divisions, 2 tour types and 100 tours through the API; answers the query string to measure. */
async function seed(url: string): Promise<string> {
  const token = await login(url);
  const post = async (route: string, body: unknown) => {
    const response = await fetch(`${url}/api/v1${route}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const json = (await response.json()) as { data: { id: string } };
    if (response.status !== 201) throw new Error(`seeding ${route} failed: ${response.status} ${JSON.stringify(json)}`);
    return json.data;
  };
  const divisions = [await post('/division/create', { name: 'Chattogram' }), await post('/division/create', { name: 'Sylhet' })];
  const types = [await post('/tour/create-tour-type', { name: 'Hiking' }), await post('/tour/create-tour-type', { name: 'Beach' })];
  const png = demoLandscapePng(1, 32, 20);
  for (let i = 0; i < TOURS; i++) {
    const form = new FormData();
    form.append('data', JSON.stringify({
      title: `Bench Tour ${i}`, description: `Tour number ${i} with a description long enough to look real.`, location: i % 2 ? 'Rangamati' : 'Srimangal',
      costFrom: 1000 + ((i * 737) % 20000), maxGuest: 10 + (i % 20), startDate: new Date(Date.UTC(2026, i % 12, 1 + (i % 27))).toISOString(),
      included: ['Transport', 'Guide'], division: divisions[i % 2].id, tourType: types[i % 2].id,
    }));
    form.append('files', new Blob([png], { type: 'image/png' }), 'tour.png');
    const response = await fetch(`${url}/api/v1/tour/create`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    if (response.status !== 201) throw new Error(`seeding tour ${i} failed: ${response.status} ${await response.text()}`);
  }
  return `division=${divisions[0].id}&sort=-costFrom&limit=10&page=2`;
}

async function startStaticKoa(body: string): Promise<Server> {
  const app = new Koa();
  app.use((ctx) => {
    ctx.type = 'application/json';
    ctx.body = body;
  });
  const handle = app.callback();
  const server = http.createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, stop: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}

/** DATABASE_URL when given (its server is used as is), else a throwaway mariadbd started here and stopped after. */
async function mariaDbUrl(): Promise<{ url: string; stop(): Promise<void> } | null> {
  const given = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (given) return { url: given, stop: async () => undefined };
  const find = (name: string) => ['/usr/sbin', '/usr/bin', '/usr/local/bin', '/usr/local/sbin'].map((d) => path.join(d, name)).find((p) => fs.existsSync(p));
  const mariadbd = find('mariadbd');
  const installDb = find('mariadb-install-db');
  if (!mariadbd || !installDb) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tourdesk-bench-mariadb-'));
  const asRoot = process.getuid?.() === 0 ? ['--user=root'] : [];
  const common = ['--no-defaults', `--datadir=${dir}/data`, ...asRoot];
  await run$(installDb, [...common, '--auth-root-authentication-method=normal', '--skip-test-db', '--skip-name-resolve']);
  const port = 30000 + Math.floor(Math.random() * 20000);
  const child = spawn(mariadbd, [
    ...common, `--port=${port}`, `--socket=${dir}/mysqld.sock`, `--pid-file=${dir}/mariadbd.pid`, `--log-error=${dir}/error.log`,
    '--bind-address=127.0.0.1', '--skip-name-resolve', '--skip-log-bin', '--innodb-buffer-pool-size=128M', '--innodb-flush-log-at-trx-commit=2',
    '--character-set-server=utf8mb4', '--collation-server=utf8mb4_unicode_ci', '--default-time-zone=+00:00',
  ], { stdio: 'ignore' });
  const stop = async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const conn = await createConnection({ host: '127.0.0.1', port, user: 'root' });
      await conn.query('CREATE DATABASE bench CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
      await conn.end();
      return { url: `mysql://root@127.0.0.1:${port}/bench`, stop };
    } catch (error) {
      if (child.exitCode !== null || Date.now() > deadline) {
        await stop();
        console.log(`MariaDB could not start: ${(error as Error).message}`);
        return null;
      }
      await sleep(100);
    }
  }
}
