import autocannon from 'autocannon';
import { login, startApp } from './support';
async function main() {
  const app = await startApp();
  const token = await login(app.url);
  await autocannon({ url: `${app.url}/api/v1/user/me`, headers: { authorization: `Bearer ${token}` }, connections: 10, duration: 1, workers: 1 });
  const { Session } = require('node:inspector/promises');
  const session = new Session(); session.connect();
  await session.post('Profiler.enable'); await session.post('Profiler.start');
  const r = await autocannon({ url: `${app.url}/api/v1/user/me`, headers: { authorization: `Bearer ${token}` }, connections: 10, duration: 4, workers: 1 });
  const { profile } = await session.post('Profiler.stop');
  console.log('rps', r.requests.average);
  // self time per function, and per package
  const total = profile.samples.length; const self = new Map<string, number>(); const byId = new Map<number, any>();
  for (const n of profile.nodes) byId.set(n.id, n);
  const counts = new Map<number, number>(); for (const s of profile.samples) counts.set(s, (counts.get(s) ?? 0) + 1);
  const pkg = new Map<string, number>();
  for (const [id, c] of counts) { const n = byId.get(id); const f = n.callFrame; const key = `${f.functionName || '(anon)'} ${f.url.replace(/.*node_modules\//, '').replace('file:///work/main/', '')}:${f.lineNumber}`; self.set(key, (self.get(key) ?? 0) + c);
    const p = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(f.url)?.[1] ?? (f.url.includes('/work/main/src') ? 'src' : f.url ? 'node:'+f.url.slice(0,30) : f.functionName); pkg.set(p, (pkg.get(p) ?? 0) + c); }
  console.log([...pkg].sort((a,b)=>b[1]-a[1]).slice(0,12).map(([k,v])=>`${(100*v/total).toFixed(1)}% ${k}`).join('\n'));
  console.log('---');
  console.log([...self].sort((a,b)=>b[1]-a[1]).slice(0,25).map(([k,v])=>`${(100*v/total).toFixed(1)}% ${k}`).join('\n'));
  const parent = new Map<number, number>(); for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inits = profile.nodes.filter((n: any) => n.callFrame.functionName === 'init').map((n: any) => [n.id, counts.get(n.id) ?? 0]).sort((a: any, b: any) => b[1] - a[1]).slice(0, 3);
  for (const [id, c] of inits) { let chain = []; let cur = id; for (let i = 0; i < 8 && cur; i++) { const f = byId.get(cur).callFrame; chain.push(`${f.functionName || '(anon)'} ${f.url.replace(/.*node_modules\//, '').replace('file:///work/main/', '')}:${f.lineNumber}`); cur = parent.get(cur); } console.log(c, chain.join(' <- ')); }
  await app.stop(); process.exit(0);
}
main();
