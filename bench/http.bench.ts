import type { Load} from './support';
import { BENCH_ADMIN, SECONDS, login, machine, measure, printTable, startApp, startBareKoa, warmUp, withLoopDelay } from './support';

/**
 * Issue 3: the framework's cost per request next to a bare Koa route, and whether
 * argon2 logins (on libuv's thread pool) keep the event loop responsive.
 */
export async function run(): Promise<void> {
  console.log(`HTTP: ${machine()}`);
  const app = await startApp();
  const bare = await startBareKoa();
  try {
    const token = await login(app.url);
    const loads: Load[] = [
      { name: 'bare Koa {ok:true}', url: `${bare.url}/` },
      { name: 'GET /health', url: `${app.url}/health` },
      { name: 'GET /user/me (Bearer)', url: `${app.url}/api/v1/user/me`, headers: { authorization: `Bearer ${token}` } },
    ];
    for (const load of loads) await warmUp(load);
    const [floor, health, me] = [await measure(loads[0]), await measure(loads[1]), await measure(loads[2])];
    printTable('Throughput, 10 connections', [floor, health, me], floor);

    const logins: Load = {
      name: 'POST /auth/login ×50 concurrent', url: `${app.url}/api/v1/auth/login`, method: 'POST', connections: 50,
      headers: { 'content-type': 'application/json' }, body: JSON.stringify(BENCH_ADMIN), seconds: SECONDS,
    };
    const alone = await withLoopDelay(() => measure({ ...loads[1], name: 'GET /health alone' }));
    const loaded = await withLoopDelay(() => Promise.all([measure({ ...loads[1], name: 'GET /health during logins' }), measure(logins)]));
    const [underLoad, loginRun] = loaded.result;
    printTable('/health p99 while 50 logins run concurrently (baseline: /health alone, measured just before)', [alone.result, underLoad, loginRun]);
    console.log(
      `\n/health p99: ${alone.result.p99.toFixed(1)} ms alone → ${underLoad.p99.toFixed(1)} ms with 50 concurrent logins (${((loginRun.requests - loginRun.failures) / SECONDS).toFixed(1)} logins/s succeeded; ${loginRun.failures} turned away while the password checks were full, by design).` +
        `\nevent-loop delay p99 / max: ${alone.loopP99Ms.toFixed(1)} / ${alone.loopMaxMs.toFixed(1)} ms alone, ${loaded.loopP99Ms.toFixed(1)} / ${loaded.loopMaxMs.toFixed(1)} ms during logins.`,
    );
  } finally {
    await bare.stop();
    await app.stop();
  }
}
