import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createConnection } from 'mysql2/promise';
import { demoLandscapePng } from '../src/interfaces/cli/png';
import { login } from './support';

export const TOURS = 100;
const run$ = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface SeededCatalogue {
  /** The list query measured: one division, sorted by cost descending, the second page of 10. */
  listQuery: string;
  /** A tour's slug, for the detail route. */
  slug: string;
}

/** Creates 2 divisions, 2 tour types and 100 tours (each with one image) through the API. */
export async function seedCatalogue(url: string): Promise<SeededCatalogue> {
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
  const slug = ((await (await fetch(`${url}/api/v1/tour?limit=1&sort=title`)).json()) as { data: { slug: string }[] }).data[0].slug;
  return { listQuery: `division=${divisions[0].id}&sort=-costFrom&limit=10&page=2`, slug };
}

/** DATABASE_URL when given (its server is used as is), else a throwaway mariadbd started here and stopped after. */
export async function mariaDbUrl(): Promise<{ url: string; stop(): Promise<void> } | null> {
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
