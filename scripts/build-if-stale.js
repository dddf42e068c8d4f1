#!/usr/bin/env node
// Compiles src/ to dist/ when any source is newer than the last build, so `npm start`
// runs plain JavaScript (fast start) yet never a stale build after an edit.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const stamp = path.join(root, 'dist', '.tsbuildinfo');

function newestMtime(target) {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(target).reduce((max, name) => Math.max(max, newestMtime(path.join(target, name))), stat.mtimeMs);
}

if (!fs.existsSync(path.join(root, 'src'))) process.exit(0); // e.g. a Docker layer that installs before copying sources

const sources = ['src', 'ormconfig.ts', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'].map((p) => path.join(root, p));
const built = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0;
if (Math.max(...sources.filter(fs.existsSync).map(newestMtime)) > built) {
  process.stderr.write('[tourdesk] compiling TypeScript to dist/ ...\n');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--incremental', '--tsBuildInfoFile', stamp], { cwd: root, stdio: 'inherit' });
  fs.utimesSync(stamp, new Date(), new Date());
}
