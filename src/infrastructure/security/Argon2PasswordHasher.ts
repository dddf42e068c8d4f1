import os from 'node:os';
import { Algorithm, hash, verify } from '@node-rs/argon2';
import type { PasswordHasher } from '../../application/ports/PasswordHasher';
import { DependencyUnavailable } from '../../domain/shared/errors';
import { Semaphore, SemaphoreQueueFull } from '../system/Semaphore';

export interface Argon2Limits {
  /** Hashes running at once (default: one core fewer than the machine has). */
  maxConcurrent: number;
  /** Hashes waiting for a slot; one more is refused as DependencyUnavailable (503), not queued. */
  maxWaiting: number;
}

/**
 * argon2id on libuv's thread pool, so hashing never blocks the event loop. At most
 * `maxConcurrent` hashes run at once: unbounded, a burst of logins fills every pool thread
 * (starving fs and DNS work queued behind them) and takes every core from the event loop;
 * CPU-bound, it would not finish sooner. Past `maxWaiting` queued hashes a flood is refused
 * at once, so it cannot stretch every honest login's wait without bound.
 */
export class Argon2PasswordHasher implements PasswordHasher {
  private readonly slots: Semaphore;

  constructor(
    private readonly cost = { memoryCost: 19456, timeCost: 2, parallelism: 1 },
    limits: Partial<Argon2Limits> = {},
  ) {
    this.slots = new Semaphore(limits.maxConcurrent ?? Math.max(1, os.availableParallelism() - 1), limits.maxWaiting ?? Infinity);
  }

  /** Hashes running right now (at most `maxConcurrent`). */
  get running(): number {
    return this.slots.running;
  }

  hash(password: string): Promise<string> {
    return this.bounded(() => hash(password, { algorithm: Algorithm.Argon2id, ...this.cost }));
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    return this.bounded(async () => {
      try {
        return await verify(passwordHash, password);
      } catch {
        return false; // a malformed stored hash never matches
      }
    });
  }

  private async bounded<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await this.slots.run(work);
    } catch (error) {
      if (error instanceof SemaphoreQueueFull) throw new DependencyUnavailable('password hashing', 'Too many password checks in progress; try again in a moment');
      throw error;
    }
  }
}
