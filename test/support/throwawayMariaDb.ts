import type { ChildProcess} from 'node:child_process';
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createConnection } from 'mysql2/promise';
import { findBinary, mariadbInstallArgs, mariadbdArgs } from './globalSetup';
import { freePort } from './freePort';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A MariaDB server of the caller's own, on a fixed port, that it can stop (gracefully or with SIGKILL) and start
 * again on the same datadir and port: outage tests (the shared server of the jest run must never go down) and
 * benchmarks. Same settings as the jest run's server (globalSetup's `mariadbdArgs`).
 */
export class ThrowawayMariaDb {
  private child: ChildProcess | null = null;
  private starts = 0;
  private readonly killOnExit = () => this.child?.kill('SIGKILL');

  private constructor(private readonly mariadbd: string, private readonly dir: string, readonly port: number) {
    process.once('exit', this.killOnExit);
  }

  /** Whether this machine has the MariaDB binaries (suites that need them are declared with describeIf). */
  static available(): boolean {
    return Boolean(findBinary('mariadbd') && findBinary('mariadb-install-db'));
  }

  static async start(): Promise<ThrowawayMariaDb> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tourdesk-outage-mariadb-'));
    await run(findBinary('mariadb-install-db')!, mariadbInstallArgs(dir));
    const server = new ThrowawayMariaDb(findBinary('mariadbd')!, dir, await freePort());
    await server.resume();
    const admin = await server.connect();
    await admin.query('CREATE DATABASE tourdesk CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
    await admin.end();
    return server;
  }

  /** The application's database on this server. */
  get url(): string {
    return `mysql://root@127.0.0.1:${this.port}/tourdesk`;
  }

  connect(database?: string) {
    return createConnection({ host: '127.0.0.1', port: this.port, user: 'root', database, connectTimeout: 2000, timezone: 'Z' });
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts the server (again) on the same datadir and port; resolves once it accepts connections. */
  async resume(): Promise<void> {
    this.starts += 1;
    const child = spawn(this.mariadbd, mariadbdArgs(this.dir, this.port, path.join(this.dir, `error-${this.starts}.log`)), { stdio: 'ignore' });
    this.child = child;
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`mariadbd exited during start-up:\n${this.errorLog()}`);
      try {
        await (await this.connect()).end();
        return;
      } catch {
        if (Date.now() > deadline) throw new Error(`mariadbd not ready after 60 s:\n${this.errorLog()}`);
        await sleep(50);
      }
    }
  }

  /** Stops the server: SIGTERM is a clean shutdown (clients get "server shutdown"), SIGKILL a crash. */
  async stop(signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    await exited;
  }

  async destroy(): Promise<void> {
    await this.stop('SIGKILL');
    process.removeListener('exit', this.killOnExit);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private errorLog(): string {
    const file = path.join(this.dir, `error-${this.starts}.log`);
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').slice(-15).join('\n') : '(no log)';
  }
}
