import type { Load, Measurement } from './support';
import { keepServersOffLoadCore, login, machine, measure, printTable, startAppProcess, warmUp } from './support';

const TRAVELLERS = Number(process.env.BENCH_TRAVELLERS ?? 100);
const OTHERS = 32;
/** User writes per second elsewhere while the travellers read their profiles: sign-ups, verifications, edits. */
const WRITES_PER_SECOND = Number(process.env.BENCH_USER_WRITES ?? 20);

interface Account {
  id: string;
  email: string;
}

async function call(url: string, method: string, path: string, body: unknown, token?: string): Promise<{ status: number; data: { _id?: string } }> {
  const response = await fetch(`${url}${path}`, {
    method, body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  const json = (await response.json()) as { data: { _id?: string } };
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return { status: response.status, data: json.data };
}

async function verifiedAccount(url: string, admin: string, n: number): Promise<Account> {
  const email = `profiles-${n}-${Date.now()}@example.com`;
  const { data } = await call(url, 'POST', '/api/v1/user/register', { name: `Traveller ${n}`, email, password: 'Str0ng!pass-bench' });
  await call(url, 'PATCH', `/api/v1/user/${data._id}`, { isVerified: true }, admin);
  return { id: data._id!, email };
}

/**
 * Issue 15, ADR 0015 sixth pass: `GET /user/me` for many travellers (each its own token, in turn on
 * every connection) with no other user changing, and while other users are edited
 * `WRITES_PER_SECOND` times a second. A user write drops the kept profiles of its shard of the users
 * version (a sixteenth) and sends the next request of each caller through the chain once.
 */
export async function run(): Promise<void> {
  keepServersOffLoadCore();
  console.log(`Profiles under user writes: ${machine()}, ${TRAVELLERS} travellers, ${WRITES_PER_SECOND} writes/s to ${OTHERS} other users`);
  const app = await startAppProcess({ RATE_LIMIT_ACCOUNT_PER_HOUR: '100000' });
  try {
    const admin = await login(app.url);
    const travellers: string[] = [];
    for (let n = 0; n < TRAVELLERS; n++) {
      const account = await verifiedAccount(app.url, admin, n);
      travellers.push(await login(app.url, account.email, 'Str0ng!pass-bench'));
      if ((n + 1) % 25 === 0) console.log(`  ${n + 1}/${TRAVELLERS} travellers signed in`);
    }
    const others: Account[] = [];
    for (let n = 0; n < OTHERS; n++) others.push(await verifiedAccount(app.url, admin, TRAVELLERS + n));
    const load: Load = { name: 'GET /user/me, no user writes', url: `${app.url}/api/v1/user/me`, requests: travellers.map((t) => ({ headers: { authorization: `Bearer ${t}` } })) };
    await warmUp(load);

    const quiet: Measurement[] = [];
    const busy: Measurement[] = [];
    let writes = 0;
    for (let round = 0; round < 3; round++) {
      quiet.push(await measure(load));
      let editing = true;
      const editor = (async () => {
        while (editing) {
          const other = others[writes % OTHERS];
          await call(app.url, 'PATCH', `/api/v1/user/${other.id}`, { name: `Edited ${writes}` }, admin);
          writes += 1;
          await new Promise((resolve) => setTimeout(resolve, 1000 / WRITES_PER_SECOND));
        }
      })();
      const started = Date.now();
      const measured = await measure({ ...load, name: `GET /user/me, ${WRITES_PER_SECOND} user writes/s` });
      editing = false;
      await editor;
      busy.push({ ...measured, name: `${measured.name} (${((writes / (Date.now() - started)) * 1000).toFixed(1)} made)` });
      writes = 0;
    }
    const median = (rows: Measurement[]) => [...rows].sort((a, b) => a.rps - b.rps)[1];
    printTable('GET /user/me, many callers (median of 3 interleaved rounds)', [median(busy)], median(quiet));
    printTable('rounds', [...quiet, ...busy]);
  } finally {
    await app.stop();
  }
}
