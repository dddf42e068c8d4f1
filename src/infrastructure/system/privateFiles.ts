import fs from 'node:fs';

/** Files under VAR_DIR (database, mails with codes and reset links, invoices, secrets, uploads): the service's user only. */
export const PRIVATE_FILE = 0o600;
export const PRIVATE_DIR = 0o700;

/**
 * Creates `dir` (and its parents) readable by this user only, and tightens it when it already exists
 * with wider rights. A directory this user does not own (a mounted volume) is left as it is.
 */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  const stat = fs.statSync(dir);
  if ((stat.mode & 0o077) !== 0 && stat.uid === process.getuid?.()) fs.chmodSync(dir, PRIVATE_DIR);
}

/**
 * Creates `file` empty and private unless it exists, and makes an existing one private. Something
 * other than a file at that path is left for its user to report (SQLite: cannot open).
 */
export function ensurePrivateFile(file: string): void {
  if (fs.existsSync(file) && !fs.statSync(file).isFile()) return;
  fs.closeSync(fs.openSync(file, 'a', PRIVATE_FILE));
  fs.chmodSync(file, PRIVATE_FILE);
}
