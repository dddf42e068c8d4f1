import os from 'node:os';
import { Algorithm, hash, verify } from '@node-rs/argon2';
import { PasswordHasher } from '../../application/ports/PasswordHasher';
import { Semaphore } from '../system/Semaphore';

/**
 * argon2id on libuv's thread pool, so hashing never blocks the event loop. At most
 * `maxConcurrent` hashes run at once (default: one core fewer than the machine has):
 * unbounded, a burst of logins fills every pool thread (starving fs and DNS work queued
 * behind them) and takes every core from the event loop; CPU-bound, it would not finish sooner.
 */
export class Argon2PasswordHasher implements PasswordHasher {
  private readonly slots: Semaphore;

  constructor(
    private readonly cost = { memoryCost: 19456, timeCost: 2, parallelism: 1 },
    maxConcurrent = Math.max(1, os.availableParallelism() - 1),
  ) {
    this.slots = new Semaphore(maxConcurrent);
  }

  /** Hashes running right now (at most `maxConcurrent`). */
  get running(): number {
    return this.slots.running;
  }

  hash(password: string): Promise<string> {
    return this.slots.run(() => hash(password, { algorithm: Algorithm.Argon2id, ...this.cost }));
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await this.slots.run(() => verify(passwordHash, password));
    } catch {
      return false; // a malformed stored hash never matches
    }
  }
}
