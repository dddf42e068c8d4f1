import { Algorithm, hash, verify } from '@node-rs/argon2';
import { PasswordHasher } from '../../application/ports/PasswordHasher';

/** argon2id on libuv's thread pool, so hashing never blocks the event loop. */
export class Argon2PasswordHasher implements PasswordHasher {
  constructor(private readonly cost = { memoryCost: 19456, timeCost: 2, parallelism: 1 }) {}

  hash(password: string): Promise<string> {
    return hash(password, { algorithm: Algorithm.Argon2id, ...this.cost });
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false; // a malformed stored hash never matches
    }
  }
}
