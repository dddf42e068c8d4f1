import type { Clock } from '../../application/ports/Clock';
import type { OtpStore, OtpVerdict } from '../../application/ports/OtpStore';
import type { OtpCodeHasher } from '../security/OtpCodeHasher';

interface Entry {
  hash: string;
  wrongTries: number;
  expiresAt: number;
}

/**
 * The embedded default for one process. Each call runs to completion without awaiting,
 * which is what makes check-and-change atomic here; expired entries are swept as it goes.
 */
export class MemoryOtpStore implements OtpStore {
  private readonly entries = new Map<string, Entry>();
  private writes = 0;

  constructor(private readonly clock: Clock, private readonly hasher: OtpCodeHasher) {}

  async save(email: string, code: string, ttlMs: number): Promise<void> {
    const now = this.clock.now().getTime();
    if (++this.writes % 1000 === 0) this.sweep(now);
    this.entries.set(email, { hash: this.hasher.hash(email, code), wrongTries: 0, expiresAt: now + ttlMs });
  }

  async verify(email: string, code: string, maxTries: number): Promise<OtpVerdict> {
    const entry = this.entries.get(email);
    if (!entry || entry.expiresAt <= this.clock.now().getTime()) {
      this.entries.delete(email);
      return 'absent';
    }
    if (this.hasher.matches(entry.hash, email, code)) {
      this.entries.delete(email);
      return 'verified';
    }
    entry.wrongTries += 1;
    if (entry.wrongTries < maxTries) return 'wrong';
    this.entries.delete(email);
    return 'burned';
  }

  private sweep(now: number): void {
    for (const [email, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(email);
  }
}
