import os from 'node:os';
import { Algorithm, hash, verify } from '@node-rs/argon2';
import { PasswordHasher } from '../../application/ports/PasswordHasher';

/**
 * argon2id on libuv's thread pool, so hashing never blocks the event loop. At most
 * `maxConcurrent` hashes run at once (default: one core fewer than the machine has):
 * unbounded, a burst of logins fills every pool thread (starving fs and DNS work queued
 * behind them) and takes every core from the event loop; CPU-bound, it would not finish sooner.
 */
export class Argon2PasswordHasher implements PasswordHasher {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly cost = { memoryCost: 19456, timeCost: 2, parallelism: 1 },
    private readonly maxConcurrent = Math.max(1, os.availableParallelism() - 1),
  ) {}

  hash(password: string): Promise<string> {
    return this.bounded(() => hash(password, { algorithm: Algorithm.Argon2id, ...this.cost }));
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await this.bounded(() => verify(passwordHash, password));
    } catch {
      return false; // a malformed stored hash never matches
    }
  }

  private async bounded<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.maxConcurrent) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    try {
      return await work();
    } finally {
      // Hand the slot straight to the next waiter (running stays the same), or free it.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
