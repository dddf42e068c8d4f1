import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { DependencyUnavailable, Forbidden, RateLimited } from '../../domain/shared/errors';
import type { Logger } from '../ports/Logger';
import type { RateLimiter } from '../ports/RateLimiter';

export interface LoginLimits {
  /** Failed logins one client address may make on one email per window before it must wait. */
  perAddressAndEmail: number;
  windowMs: number;
  /** Failed logins on one account (from all addresses) after which it needs a password reset; NIST 800-63B: at most 100. */
  lockAfter: number;
}

/** How long failures on an account are remembered, and how many of them one address may contribute. */
const ACCOUNT_WINDOW_MS = 30 * 86_400_000;
const SHARE_PER_ADDRESS = 10;

/**
 * Failed-login limits that only the guesser feels. Failures are counted per (address, email), so
 * the owner's own address keeps working while an attacker's waits; the account itself locks after
 * `lockAfter` failures, but one address adds at most 10 of them, so locking anyone out takes many
 * addresses. Emails are counted whether or not an account exists, so the answers reveal nothing.
 * While the limiter's store is unreachable, logins go on unlimited (logged), as the route limits do.
 */
export class LoginThrottle {
  constructor(private readonly limiter: RateLimiter, private readonly limits: LoginLimits, private readonly logger: Logger) {}

  async assertMayTry(address: string, email: string): Promise<void> {
    const [pair, account] = await this.tolerant(() => Promise.all([
      this.limiter.peek(this.pairKey(address, email), this.limits.perAddressAndEmail),
      this.limiter.peek(this.accountKey(email), this.limits.lockAfter),
    ]), [{ allowed: true }, { allowed: true }] as const);
    if (!account.allowed) throw new Forbidden('Too many failed logins: reset your password to unlock this account', ERROR_CODES.AUTH.ACCOUNT_LOCKED);
    if (!pair.allowed) throw new RateLimited(pair.retryAfterSeconds, 'Too many failed logins for this email, try again later');
  }

  async failed(address: string, email: string): Promise<void> {
    await this.tolerant(async () => {
      await this.limiter.hit(this.pairKey(address, email), this.limits.perAddressAndEmail, this.limits.windowMs);
      const share = await this.limiter.hit(`login-share:${address}:${email}`, SHARE_PER_ADDRESS, ACCOUNT_WINDOW_MS);
      if (share.allowed) await this.limiter.hit(this.accountKey(email), this.limits.lockAfter, ACCOUNT_WINDOW_MS);
    }, undefined);
  }

  /** The right password: failures before it no longer count (NIST counts consecutive failures). */
  async succeeded(address: string, email: string): Promise<void> {
    await this.tolerant(() => Promise.all([this.limiter.reset(this.pairKey(address, email)), this.unlock(email)]), undefined);
  }

  /** A password reset is the recovery that unlocks the account. */
  async unlock(email: string): Promise<void> {
    await this.tolerant(() => this.limiter.reset(this.accountKey(email)), undefined);
  }

  private pairKey(address: string, email: string): string {
    return `login-fail:${address}:${email}`;
  }

  private accountKey(email: string): string {
    return `login-account:${email}`;
  }

  private async tolerant<T>(work: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof DependencyUnavailable)) throw error;
      this.logger.warn({ err: error }, 'login limits skipped: limiter unavailable');
      return fallback;
    }
  }
}
