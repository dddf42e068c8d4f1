import fs from 'node:fs';
import path from 'node:path';

/**
 * `npm run bench` runs every `bench/*.bench.ts` module's `run()` one after another;
 * `npm run bench -- http invoices` runs only those.
 */
async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const available = fs.readdirSync(__dirname).filter((f) => f.endsWith('.bench.ts')).map((f) => f.replace(/\.bench\.ts$/, '')).sort();
  const unknown = wanted.filter((name) => !available.includes(name));
  if (unknown.length) {
    console.error(`unknown bench ${unknown.join(', ')}; available: ${available.join(', ')}`);
    process.exit(2);
  }
  for (const name of wanted.length ? wanted : available) {
    console.log(`\n=== bench: ${name} ===`);
    const module = (await import(path.join(__dirname, `${name}.bench.ts`))) as { run?: () => Promise<void> };
    if (typeof module.run !== 'function') throw new Error(`bench/${name}.bench.ts exports no run()`);
    await module.run();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`bench failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
