import type { PasswordHasher } from '../../src/application/ports/PasswordHasher';

/** Deterministic and instant; the hash never equals the password itself. */
export class FakePasswordHasher implements PasswordHasher {
  /** Hashes made so far: the costly work a use case did. */
  hashesMade = 0;

  static hashOf(password: string): string {
    return `fake$${[...password].reverse().join('')}`;
  }

  async hash(password: string): Promise<string> {
    this.hashesMade += 1;
    return FakePasswordHasher.hashOf(password);
  }

  async verify(hash: string, password: string): Promise<boolean> {
    return hash === FakePasswordHasher.hashOf(password);
  }
}
