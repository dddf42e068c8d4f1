import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { findBinary, redisPing } from './globalSetup';
import { freePort } from './freePort';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A Redis server of the caller's own, in memory only, that it can kill and start again on the same
 * port: outage tests (the shared Redis of the jest run must never go down) and benchmarks.
 */
export class ThrowawayRedis {
  private child: ChildProcess | null = null;
  private readonly killOnExit = () => this.child?.kill('SIGKILL');

  private constructor(private readonly binary: string, readonly port: number) {
    process.once('exit', this.killOnExit);
  }

  static available(): boolean {
    return Boolean(findBinary('redis-server'));
  }

  static async start(): Promise<ThrowawayRedis> {
    const redis = new ThrowawayRedis(findBinary('redis-server')!, await freePort());
    await redis.up();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async up(): Promise<void> {
    this.child = spawn(this.binary, ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    const deadline = Date.now() + 20_000;
    while (!(await redisPing(this.port))) {
      if (Date.now() > deadline || this.child.exitCode !== null) throw new Error(`redis-server did not start on ${this.port}`);
      await sleep(50);
    }
  }

  async down(): Promise<void> {
    const child = this.child;
    // A killed child has a signalCode and no exitCode; its 'exit' has already fired.
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    await this.down();
    process.removeListener('exit', this.killOnExit);
  }
}
